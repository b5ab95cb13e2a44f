using DsarEngine.Server.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DsarEngine.Server.Packs;

// How the two public code endpoints answer (the subject's answer link, PackDownloadApi; the receiving controller's
// transmission link, TransmissionApi): a code sent or "come back later", and a download by code.
internal static class PackCodeAnswers
{
    public static Results<Accepted<CodeSent>, ProblemHttpResult> Sent(PackCodeSending sent, HttpContext http, DateTimeOffset now,
        Func<ProblemHttpResult> noEmail) => sent.Result switch
    {
        PackCodeSendResult.Sent =>
            TypedResults.Accepted((string?)null, new CodeSent(sent.CodeId!.Value, sent.SentTo!, sent.ExpiresAt!.Value)),
        PackCodeSendResult.NoEmail => noEmail(),
        _ => TooSoon(http, sent.RetryAt!.Value - now, "codes were sent, or wrong codes tried, for this request lately"),
    };

    // The code's verdict on one download: the file when accepted and still there, otherwise why not.
    public static Results<FileContentHttpResult, ProblemHttpResult> Download(PackCodeCheck check, DateTimeOffset? retryAt,
        HttpContext http, DateTimeOffset now, byte[]? content, string mediaType, string fileName, string missing,
        string? spentDetail = null) => check switch
    {
        PackCodeCheck.Locked => TooSoon(http, retryAt!.Value - now, "wrong codes were tried for this request lately"),
        PackCodeCheck.Accepted when content is not null => TypedResults.File(content, mediaType, fileName),
        PackCodeCheck.Accepted => Problems.NotFound(missing),
        PackCodeCheck.Wrong => Problems.Of(StatusCodes.Status403Forbidden, "wrong-code",
            "The code is not right; after five tries, ask for a new one."),
        _ => Problems.Of(StatusCodes.Status403Forbidden, "code-spent",
            "This code was used, has expired or was tried too often; ask for a new one.", spentDetail),
    };

    // Per request, whichever address asks: the person is told when to come back, and nothing is e-mailed meanwhile.
    public static ProblemHttpResult TooSoon(HttpContext http, TimeSpan wait, string why) =>
        RateLimits.Refuse(http, wait, $"Too many {why}; try again in {Math.Max(1, (long)Math.Ceiling(wait.TotalMinutes))} minutes.");
}
