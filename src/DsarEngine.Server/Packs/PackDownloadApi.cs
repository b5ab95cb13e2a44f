using DsarEngine.Server.Platform;
using DsarEngine.Server.Requests;
using DsarEngine.Workflows.Requests;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Packs;

// The subject opens their answer: the expiring link from the e-mail, then a one-time code sent again to the address
// the request was proven with (the identity proof is re-checked at opening, not only at intake). Each download is journaled.
internal static class PackDownloadApi
{
    public static RouteGroupBuilder MapPackDownloadApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/requests/{reference}/pack")
            .WithTags("Public requests")
            .RequireRateLimiting(RateLimits.PublicCode);
        group.MapPost("/code", SendCode)
            .WithSummary("Send a one-time code to the subject's e-mail to open the answer (the link's expires and token)");
        group.MapGet("/", Download).WithSummary(
            "A part of the answer (part=letter|copy|archive: PDF or ZIP), with the link's expires and token and the code just sent");
        return group;
    }

    private static async Task<Results<Accepted<CodeSent>, ProblemHttpResult>> SendCode(string reference, long expires, string? token,
        RequestStore requests, PackLinks links, PackCodeMail mail, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        // The subject's own channel, like the download it leads to: staff read the letter at their own endpoint.
        if (SubjectChannel.RefuseStaff(http, "GET /api/v1/staff/requests/{reference}/documents") is { } refused)
            return refused;
        var now = clock.GetUtcNow();
        if (await OpenableAsync(reference, expires, token, requests, links, now, ct) is not { } request)
            return Refused();
        return PackCodeAnswers.Sent(await mail.SendAsync(request, now, ct), http, now, () => Problems.Of(StatusCodes.Status409Conflict,
            "no-email", "This request has no e-mail address to send a code to; ask the organisation."));
    }

    // The part asked for (`letter`, `copy`, `archive`; by default the letter, or portability's archive) of the current
    // answer. A part the answer does not have is refused before the code is tried, so the code stays good for the others.
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> Download(string reference,
        long expires, string? token, Guid codeId, string? code, string? part, RequestStore requests, PackLinks links, PackCodes codes,
        PackStore packs, IOptions<RateLimitOptions> limits, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (SubjectChannel.RefuseStaff(http, "GET /api/v1/staff/requests/{reference}/documents") is { } refused)
            return refused;
        if (part is not null && !PackParts.IsKnown(part))
            return Problems.Validation(new Dictionary<string, string[]>
            {
                ["part"] = [$"part must be one of {string.Join(", ", PackParts.Kinds.Keys)}, or left out "
                    + "(the letter; portability's archive)."],
            }, "Ask for a part of the answer the engine knows; nothing was downloaded and the code is still good.");
        var now = clock.GetUtcNow();
        if (await OpenableAsync(reference, expires, token, requests, links, now, ct) is not { } request)
            return Refused();
        var chosen = part ?? PackParts.Default(request.RightKind);
        var answer = await packs.AnswerAsync(request.TenantId, request.Id, ct);
        if (!answer.TryGetValue(chosen, out var document))
            return answer.Count == 0
                ? Problems.NotFound("answer for this request")
                : Problems.Of(StatusCodes.Status404NotFound, "part-not-in-answer", $"This answer has no {chosen}.",
                    $"Its parts are: {string.Join(", ", answer.Keys.Order(StringComparer.Ordinal))}; the code is still good.");
        var (check, retryAt) = await codes.UseAsync(request, codeId, code, chosen, Limits(limits), now, ct);
        var content = check == PackCodeCheck.Accepted ? await packs.ReadAsync(request.TenantId, request.Id, document.Id, ct) : null;
        var answered = PackCodeAnswers.Download(check, retryAt, http, now, content, PackKinds.MediaType(document.Kind),
            FileName(reference, chosen), "answer for this request", EachPartOnce).Result;
        return answered is FileContentHttpResult file ? file : (ProblemHttpResult)answered;
    }

    private static readonly string EachPartOnce = "A code opens each part of the answer once; after its first download, the others "
        + $"for {(int)PackCodes.OtherPartsFor.TotalMinutes} minutes.";

    // The names the subject saves: the letter and portability's archive as before parts existed, and the copy the letter names.
    public static string FileName(string reference, string part) => part switch
    {
        PackParts.Copy => PackKinds.CopyFileName(reference),
        PackParts.Archive => $"{reference}.zip",
        _ => $"{reference}.pdf",
    };

    // Unknown reference, bad token and expired link answer alike, so the endpoint cannot be used to probe.
    private static async Task<StoredRequest?> OpenableAsync(string reference, long expires, string? token, RequestStore requests,
        PackLinks links, DateTimeOffset now, CancellationToken ct) =>
        PublicReference.IsWellFormed(reference) && await requests.FindByReferenceAsync(reference, ct) is { } request
            && links.Valid(request.Id, expires, token, now)
            ? request : null;

    private static PackCodeLimits Limits(IOptions<RateLimitOptions> options) =>
        new(options.Value.PackCodesPerHour, options.Value.PackCodeGuessesPerDay);

    private static ProblemHttpResult Refused() =>
        Problems.Of(StatusCodes.Status404NotFound, "link-not-valid",
            "This link is not valid or has expired; ask the organisation for a new one.");

}

internal sealed record CodeSent(Guid CodeId, string SentTo, DateTimeOffset ExpiresAt);
