using DsarEngine.Server.Requests;
using DsarEngine.Server.Workflow;
using DsarEngine.Workflows.Packs;
using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.Packs;

// What a render does, behind whatever triggers it (the bus consumer today): compose the letter, store it and the
// machine-readable archive beside it (portability's archive, an access subject's full copy), and say what happened as
// the signal the workflow awaits. Null when there is nothing to render (the request is gone or has no workflow); an
// exception when the render failed (retried by the bus).
internal sealed class PackRendering(RequestStore requests, RegisterStore registers, LetterModels models, LetterComposer composer,
    PackStore packs, InstanceStore instances, Platform.Telemetry.EngineMetrics metrics, TimeProvider clock, ILogger<PackRendering> log)
{
    // The letter's PDF, timed for the render metrics (a failure counted, then passed on to be retried).
    private async Task<byte[]> ComposeAsync(LetterModel model, string kind, CancellationToken ct)
    {
        var start = clock.GetTimestamp();
        try
        {
            var pdf = await composer.PdfAsync(model, ct);
            metrics.Rendered(kind, clock.GetElapsedTime(start));
            return pdf;
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            metrics.RenderFailed(kind);
            throw;
        }
    }

    private const string NoRegister = "the organisation has no processing register (PUT /api/v1/staff/register).";

    // A notice letter (extension, identity request) is stored as a document of the request; the workflow does not wait for it.
    public async Task<Signal.NoticeRendered?> NoticeAsync(RenderNotice notice, CancellationToken ct)
    {
        if (notice.Kind is not (Notices.Extension or Notices.IdentityRequest or Notices.RestrictionLift)
            || await requests.FindByIdAsync(notice.TenantId, notice.RequestId, ct) is not { } request)
            return null;
        if (await registers.FindAsync(notice.TenantId, LetterModels.LetterLanguage(request), ct) is not { } register)
            return new Signal.NoticeRendered(notice.Kind, Guid.Empty, "", NoRegister);
        var pdf = await ComposeAsync(await models.NoticeAsync(request, register, notice, ct), notice.Kind, ct);
        var (id, sha) = await packs.SaveAsync(notice.TenantId, notice.RequestId, notice.Kind, request.Language, pdf, clock.GetUtcNow(), ct);
        log.LogInformation("Rendered the {Kind} of request {RequestId}: {Bytes} bytes", notice.Kind, notice.RequestId, pdf.Length);
        return new Signal.NoticeRendered(notice.Kind, id, sha, null);
    }

    // The response pack: the letter, and for portability (and an OpenDSR controller's access request) the records as a ZIP.
    public async Task<Signal.PackRendered?> PackAsync(Guid tenantId, Guid requestId, CancellationToken ct)
    {
        if (await requests.FindByIdAsync(tenantId, requestId, ct) is not { } request
            || await instances.FindAsync(tenantId, requestId, ct) is not { } instance)
            return null;
        if (await registers.FindAsync(tenantId, LetterModels.LetterLanguage(request), ct) is not { } register)
            return new Signal.PackRendered(Guid.Empty, "", 0, NoRegister);
        var model = await models.BuildAsync(request, instance, register, ct);
        var pdf = await ComposeAsync(model, "letter", ct);
        if (model.Copy is not null)
            return await WithCopyAsync(request, instance, pdf, ct);
        var (id, sha) = await packs.SaveAsync(request.TenantId, request.Id, "letter", request.Language, pdf, clock.GetUtcNow(), ct);
        var size = pdf.Length;
        if (request.RightKind == "portability")
        {
            // GDPR Art. 20(1), 20(4): only what portability covers; the letter lists what was left out (LetterModels).
            var providedOnly = PortabilityScope.ProvidedOnly(request.Regime);
            var zip = PortabilityArchive.BuildCopy(pdf, await models.DocumentsAsync(request, instance, ct),
                c => PortabilitySelection.Select(c, providedOnly), f => PortabilityScope.Excluded(f.Scope, providedOnly) is null);
            (id, sha) = await packs.SaveAsync(
                request.TenantId, request.Id, "portability-zip", request.Language, zip, clock.GetUtcNow(), ct);
            size = zip.Length;
        }
        else if (request.RightKind == "access" && request.Channel == "controller" && instance.State.Outcome != "refused")
        {
            // An OpenDSR controller fetches the data itself (results_url): every record, machine-readable, beside the letter.
            var zip = PortabilityArchive.BuildCopy(pdf, await models.DocumentsAsync(request, instance, ct));
            await packs.SaveAsync(request.TenantId, request.Id, "results-zip", request.Language, zip, clock.GetUtcNow(), ct);
        }
        log.LogInformation("Rendered the response pack of request {RequestId}: {Bytes} bytes", request.Id, size);
        return new Signal.PackRendered(id, sha, size, null);
    }

    // GDPR Art. 15(3): the access letter and the subject's full copy (the letter, every record as JSON and CSV, the
    // manifest), stored together so that a letter rendered again after a rejected review comes with its own new copy.
    // The workflow is told about the letter: it is what the reviewer approves and what the copy's manifest covers.
    private async Task<Signal.PackRendered> WithCopyAsync(
        StoredRequest request, WorkflowInstance instance, byte[] pdf, CancellationToken ct)
    {
        var zip = PortabilityArchive.BuildCopy(pdf, await models.DocumentsAsync(request, instance, ct));
        var saved = await packs.SaveAllAsync(request.TenantId, request.Id, request.Language,
            [("letter", pdf), (PackKinds.AccessCopy, zip)], clock.GetUtcNow(), ct);
        log.LogInformation("Rendered the response pack of request {RequestId}: a letter of {Bytes} bytes and a copy of {CopyBytes}",
            request.Id, pdf.Length, zip.Length);
        return new Signal.PackRendered(saved[0].Id, saved[0].Sha256, pdf.Length, null);
    }
}
