using DsarEngine.Connectors.Contracts;

namespace DsarEngine.Connectors.Hosting;

// An export travels as a claim check: every chunk is published before the completed reply that carries the manifest.
internal static class ExportWork
{
    public static async Task<ConnectorTaskCompleted> RunAsync(IExportHandler handler, ExportSubjectData command, BusTaskContext context,
        int chunkBytes, CancellationToken ct)
    {
        var document = await handler.ExportAsync(command, context, ct);
        if (document is null)
            return ResultWork.Completed(command.Task, TaskResult.NotFound());
        var (manifest, chunks) = ExportUpload.Prepare(command.Task, document, chunkBytes);
        foreach (var chunk in chunks)
            await context.PublishAsync(chunk, ct);
        return new ConnectorTaskCompleted(command.Task, TaskOutcomes.Done, Summary(manifest), [], [], manifest);
    }

    // "N records in K categories": counts only, so the summary never carries the subject's data.
    private static string Summary(ExportManifest manifest) =>
        $"{manifest.Records} {(manifest.Records == 1 ? "record" : "records")} in " +
        $"{manifest.Categories.Count} {(manifest.Categories.Count == 1 ? "category" : "categories")}" +
        (manifest.Files.Count == 0 ? "" : $", {manifest.Files.Count} {(manifest.Files.Count == 1 ? "file" : "files")}");
}
