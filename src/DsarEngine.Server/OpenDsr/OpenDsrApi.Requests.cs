using DsarEngine.Server.Requests;
using DsarEngine.Server.Packs;
using DsarEngine.Server.Workflow;
using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Runtime;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.OpenDsr;

// Status (§ 8.1) and cancellation (§ 9) of a request the calling controller submitted.
internal static partial class OpenDsrApi
{
    private static async Task<IResult> Status(string id, HttpRequest http, OpenDsrSigner signer, IOptions<OpenDsrOptions> options,
        IOptions<Platform.IntakeOptions> intake, OpenDsrControllers controllers, OpenDsrStore store, RequestStore requests, PackStore packs,
        InstanceStore instances, CancellationToken ct)
    {
        var (found, refusal) = await LookUpAsync(id, http, signer, controllers, store, requests, instances, ct);
        if (found is not { } f)
            return refusal!;
        var (status, extension) = OpenDsrStatuses.Of(f.Request.Status, f.Link.CancelledAt, f.Instance);
        var (url, count) = await OpenDsrResultLinks.ForAsync(
            packs, f.Request, f.Instance, status, extension is not null, id, intake.Value.PublicBaseUrl, ct);
        return SignedJson.Of(200, new OpenDsrStatus(f.Controller, f.Request.DueAt, id, status, OpenDsrJson.ApiVersion,
                OpenDsrStatuses.Extensions(options.Value.Domain, extension)) { ResultsUrl = url, ResultsCount = count },
            signer, options.Value.Domain);
    }

    // The results themselves, to the controller that submitted the request only; each fetch is journaled.
    private static async Task<IResult> ResultsArchive(string id, HttpRequest http, OpenDsrSigner signer, OpenDsrControllers controllers,
        OpenDsrStore store, RequestStore requests, PackStore packs, InstanceStore instances, TimeProvider clock, CancellationToken ct)
    {
        var (found, refusal) = await LookUpAsync(id, http, signer, controllers, store, requests, instances, ct);
        if (found is not { } f)
            return refusal!;
        if (OpenDsrStatuses.Of(f.Request.Status, f.Link.CancelledAt, f.Instance) is not ("completed", null)
            || await OpenDsrResultLinks.ArchiveAsync(packs, f.Request, ct) is not { } document)
            return OpenDsrProblems.NotFound();
        var zip = await packs.ReadJournaledAsync(
            f.Request.TenantId, f.Request.Id, document.Id, clock.GetUtcNow(), $"opendsr:{f.Controller}",
            Workflows.Journal.JournalKinds.ResultsDownloaded,
            System.Text.Json.JsonSerializer.Serialize(new { controller = f.Controller, document = document.Id, document.Sha256 }), ct);
        return zip is null ? OpenDsrProblems.NotFound() : TypedResults.File(zip, "application/zip", $"{id}.zip");
    }

    // OpenDSR § 9: a controller may cancel while the request is pending; the engine closes the request with the reason.
    private static async Task<IResult> Cancel(string id, HttpRequest http, OpenDsrSigner signer, IOptions<OpenDsrOptions> options,
        OpenDsrControllers controllers, OpenDsrStore store, RequestStore requests, SignalProcessor processor, InstanceStore instances,
        TimeProvider clock, CancellationToken ct)
    {
        var (found, refusal) = await LookUpAsync(id, http, signer, controllers, store, requests, instances, ct);
        if (found is not { } f)
            return refusal!;
        var (link, request, controller, requestId) = (f.Link, f.Request, f.Controller, f.Link.SubjectRequestId);
        if (link.CancelledAt is null && OpenDsrStatuses.Of(request.Status, null, f.Instance).Status != "pending")
            return OpenDsrProblems.Invalid(
                [("subject_request_id", "Only a pending request can be cancelled; this one is already being worked on.")]);
        var now = clock.GetUtcNow();
        // Marked cancelled before the request is closed: the callback worker must never see it closed but not
        // cancelled (it would report "completed"). A retry after a failure in between closes it then.
        if (link.CancelledAt is null)
            await store.CancelAsync(controller, requestId, now, ct);
        if (request.Status != RequestStatus.Closed)
            await processor.ProcessAsync(request.Id, new Signal.Close($"opendsr:{controller}", "Cancelled by the controller over OpenDSR."),
                new SignalSource("opendsr", null), ct);
        return SignedJson.Of(202, new OpenDsrCancelled(controller, id, now, OpenDsrJson.ApiVersion), signer, options.Value.Domain);
    }

    private sealed record Found(string Controller, OpenDsrLink Link, StoredRequest Request, WorkflowInstance? Instance);

    // The authenticated controller's request named in the URL, or the answer that refuses the call.
    private static async Task<(Found?, IResult?)> LookUpAsync(string id, HttpRequest http, OpenDsrSigner signer,
        OpenDsrControllers controllers, OpenDsrStore store, RequestStore requests, InstanceStore instances, CancellationToken ct)
    {
        if (!signer.Enabled)
            return (null, OpenDsrProblems.Disabled());
        if (controllers.Authenticate(http, null) is not { } controller)
            return (null, OpenDsrProblems.Unauthorized());
        if (!Guid.TryParse(id, out var requestId) || await store.FindAsync(controller.Id, requestId, ct) is not { } link
            || await requests.FindByIdAsync(link.TenantId, link.RequestId, ct) is not { } request)
            return (null, OpenDsrProblems.NotFound());
        return (new Found(controller.Id, link, request, await instances.FindAsync(link.TenantId, link.RequestId, ct)), null);
    }
}
