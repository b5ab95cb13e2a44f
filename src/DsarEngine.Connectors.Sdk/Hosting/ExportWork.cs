using DsarEngine.Connectors.Contracts;

namespace DsarEngine.Connectors.Hosting;

// An export travels as a claim check: every chunk is published before the completed reply that carries the manifest.
internal static class ExportWork
{
    public static Task<ConnectorTaskCompleted> RunAsync(IExportHandler handler, ExportSubjectData command, BusTaskContext context,
        int chunkBytes, CancellationToken ct) =>
        RunAsync(command.Task, context, chunkBytes, () => handler.ExportAsync(command, context, ct), ct);

    // A subject's export and a whole customer's (end of contract) travel alike.
    public static async Task<ConnectorTaskCompleted> RunAsync(TaskReference task, BusTaskContext context, int chunkBytes,
        Func<Task<ExportDocument?>> export, CancellationToken ct)
    {
        var document = await export();
        if (document is null)
            return ResultWork.Completed(task, TaskResult.NotFound());
        var (manifest, chunks) = ExportUpload.Prepare(task, document, chunkBytes);
        foreach (var chunk in chunks)
            await context.PublishAsync(chunk, ct);
        return new ConnectorTaskCompleted(task, TaskOutcomes.Done, Summary(manifest), [], [], manifest);
    }

    // "N records in K categories": counts only, so the summary never carries the subject's data.
    private static string Summary(ExportManifest manifest) =>
        $"{manifest.Records} {(manifest.Records == 1 ? "record" : "records")} in " +
        $"{manifest.Categories.Count} {(manifest.Categories.Count == 1 ? "category" : "categories")}" +
        (manifest.Files.Count == 0 ? "" : $", {manifest.Files.Count} {(manifest.Files.Count == 1 ? "file" : "files")}");
}
