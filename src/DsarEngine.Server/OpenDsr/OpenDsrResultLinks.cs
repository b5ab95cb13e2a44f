using DsarEngine.Server.Requests;
using DsarEngine.Server.Packs;
using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.OpenDsr;

// Where a completed access or portability request's data waits for its controller (status objects and callbacks).
internal static class OpenDsrResultLinks
{
    // The archive the renderer left for the controller, if any.
    public static async Task<PackStore.Document?> ArchiveAsync(PackStore packs, StoredRequest request, CancellationToken ct) =>
        (await packs.ListAsync(request.TenantId, request.Id, ct)).LastOrDefault(d => d.Kind is "results-zip" or "portability-zip");

    // results_url and results_count for a status that is "completed" without a denial; nulls otherwise.
    public static async Task<(string? Url, int? Count)> ForAsync(PackStore packs, StoredRequest request, WorkflowInstance? instance,
        string status, bool denied, string subjectRequestId, string publicBaseUrl, CancellationToken ct) =>
        status == "completed" && !denied && await ArchiveAsync(packs, request, ct) is not null
            ? ($"{publicBaseUrl.TrimEnd('/')}/opendsr/v1/requests/{subjectRequestId}/results",
                instance?.State.Tasks.Sum(t => t.Export?.Records ?? 0))
            : (null, null);
}
