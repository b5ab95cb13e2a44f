using DsarEngine.Server.Platform;
using DsarEngine.Server.Requests;
using DsarEngine.Workflows.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DsarEngine.Server.Packs;

// GDPR Art. 20(2): the controller a portability subject named downloads the archive over its own door: the link e-mailed
// to its address (a token of its own purpose, expiring), then a one-time code sent again to that address (hashed, single
// use, 15 minutes, five tries; the same per-request limits as the subject's). Only the archive; each download journaled.
internal static class TransmissionApi
{
    public static RouteGroupBuilder MapTransmissionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/requests/{reference}/transmission")
            .WithTags("Public requests")
            .RequireRateLimiting(RateLimits.PublicCode);
        group.MapPost("/code", SendCode)
            .WithSummary("Send a one-time code to the receiving controller's e-mail (GDPR Art. 20(2); the link's expires and token)");
        group.MapGet("/", Download)
            .WithSummary("The portability archive, for the receiving controller, with the link's expires and token and its code");
        return group;
    }

    private static async Task<Results<Accepted<CodeSent>, ProblemHttpResult>> SendCode(string reference, long expires, string? token,
        RequestStore requests, PackLinks links, PackCodeMail mail, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (SubjectChannel.RefuseStaff(http, "GET /api/v1/staff/requests/{reference}/documents") is { } refused)
            return refused;
        var now = clock.GetUtcNow();
        if (await OpenableAsync(reference, expires, token, requests, links, now, ct) is not { } request)
            return Refused();
        return PackCodeAnswers.Sent(await mail.SendToReceivingControllerAsync(request, now, ct), http, now, Refused);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(string reference, long expires,
        string? token, Guid codeId, string? code, RequestStore requests, PackLinks links, PackCodes codes, PackStore packs,
        PackCodeMail mail, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (SubjectChannel.RefuseStaff(http, "GET /api/v1/staff/requests/{reference}/documents") is { } refused)
            return refused;
        var now = clock.GetUtcNow();
        if (await OpenableAsync(reference, expires, token, requests, links, now, ct) is not { } request)
            return Refused();
        var answer = await packs.AnswerAsync(request.TenantId, request.Id, ct);
        if (!answer.TryGetValue(PackParts.Archive, out var document))
            return Problems.NotFound("archive for this request");
        var (check, retryAt) = await codes.UseAsync(
            request, codeId, code, PackParts.Archive, mail.Limits, now, ct, PackCodes.ReceivingControllerAudience);
        var content = check == PackCodeCheck.Accepted ? await packs.ReadAsync(request.TenantId, request.Id, document.Id, ct) : null;
        return PackCodeAnswers.Download(check, retryAt, http, now, content, PackKinds.MediaType(document.Kind), $"{reference}.zip",
            "archive for this request");
    }

    // A portability request with a receiving controller, the transmission not refused, and the link's own token: unknown
    // reference, bad token, expired link and no transmission answer alike, so the endpoint cannot be used to probe.
    private static async Task<StoredRequest?> OpenableAsync(string reference, long expires, string? token, RequestStore requests,
        PackLinks links, DateTimeOffset now, CancellationToken ct) =>
        PublicReference.IsWellFormed(reference) && await requests.FindByReferenceAsync(reference, ct) is { } request
            && request.RightKind == "portability" && request.Transmission is not null && request.TransmissionRefusal is null
            && links.ValidTransmission(request.Id, expires, token, now)
            ? request : null;

    private static ProblemHttpResult Refused() =>
        Problems.Of(StatusCodes.Status404NotFound, "link-not-valid",
            "This link is not valid or has expired; ask the organisation that sent it for a new one.");
}
