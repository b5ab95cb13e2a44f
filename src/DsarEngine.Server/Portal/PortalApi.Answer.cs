using DsarEngine.Server.Packs;
using DsarEngine.Server.Platform;

namespace DsarEngine.Server.Portal;

internal static partial class PortalApi
{
    private const string StaffDocuments = "GET /api/v1/staff/requests/{reference}/documents";

    private static async Task<IResult> AnswerPage(string reference, string? done, HttpContext http, PortalAccess access,
        PortalAnswer answer, TimeProvider clock, CancellationToken ct)
    {
        var (door, view) = await access.OpenAsync(http, reference, ct);
        if (view is null)
            return Refused(http, door);
        await access.ViewedAsync(view.Request, "answer", ct);
        var sentTo = done == "code" && view.Request.SubjectEmail() is { } email ? PackCodeMail.Mask(email) : null;
        return PortalResults.Page<Pages.PortalAnswerPage>(await AnswerModelAsync(view, answer, clock, sentTo, [], ct));
    }

    // "Send me a code": the answer link's own path (PackCodeMail), with its per-request limits and its e-mail.
    private static async Task<IResult> SendCode(string reference, HttpContext http, PortalAccess access, PortalAnswer answer,
        PortalSession sessions, TimeProvider clock, CancellationToken ct)
    {
        if (RefuseStaff(http, StaffDocuments) is { } refused)
            return refused;
        var (door, view) = await access.OpenAsync(http, reference, ct);
        if (view is null)
            return Refused(http, door);
        if (!await PortalResults.AntiforgeryValidAsync(http))
            return FormExpired(http, reference);
        if ((await answer.PartsAsync(view.Request, ct)).Count == 0)
            return await AnswerErrorAsync(view, answer, clock, "send-code", "Portal.AnswerNotReady", StatusCodes.Status409Conflict, http, ct);
        var sent = await answer.SendCodeAsync(view.Request, ct);
        switch (sent.Result)
        {
            case PackCodeSendResult.Sent:
                sessions.Write(http, reference, view.Ticket with { AnswerCode = sent.CodeId });
                return PortalResults.SeeOther($"{PortalPaths.Answer(reference)}?done=code");
            case PackCodeSendResult.NoEmail:
                return await AnswerErrorAsync(view, answer, clock, "send-code", "Portal.Error.NoEmail", StatusCodes.Status409Conflict,
                    http, ct);
            default:
                return await TooSoonAsync(view, answer, clock, sent.RetryAt!.Value, "send-code", http, ct);
        }
    }

    // "Open my answer": the code e-mailed last, checked once (PackCodes: five tries, fifteen minutes, the daily guess budget).
    private static async Task<IResult> OpenAnswer(string reference, HttpContext http, PortalAccess access, PortalAnswer answer,
        PortalSession sessions, TimeProvider clock, CancellationToken ct)
    {
        if (RefuseStaff(http, StaffDocuments) is { } refused)
            return refused;
        var (door, view) = await access.OpenAsync(http, reference, ct);
        if (view is null)
            return Refused(http, door);
        if (!await PortalResults.AntiforgeryValidAsync(http))
            return FormExpired(http, reference);
        var code = (await http.Request.ReadFormAsync(ct))[CodeField].ToString().Trim();
        if (code.Length == 0)
            return await AnswerErrorAsync(view, answer, clock, CodeField, "Portal.Error.CodeEmpty", StatusCodes.Status400BadRequest, http, ct);
        if (view.Ticket.AnswerCode is not { } codeId)
            return await AnswerErrorAsync(view, answer, clock, CodeField, "Portal.Error.CodeSpent", StatusCodes.Status400BadRequest, http, ct);
        var (check, retryAt) = await answer.OpenAsync(view.Request, codeId, code, ct);
        switch (check)
        {
            case PackCodeCheck.Accepted:
                sessions.Write(http, reference, view.Ticket with { AnswerCode = null, AnswerUntil = PortalAnswer.OpenUntil(clock.GetUtcNow()) });
                return PortalResults.SeeOther(PortalPaths.Answer(reference));
            case PackCodeCheck.Locked:
                return await TooSoonAsync(view, answer, clock, retryAt!.Value, CodeField, http, ct);
            case PackCodeCheck.Wrong:
                return await AnswerErrorAsync(view, answer, clock, CodeField, "Portal.Error.CodeWrong", StatusCodes.Status400BadRequest,
                    http, ct);
            default:
                return await AnswerErrorAsync(view, answer, clock, CodeField, "Portal.Error.CodeSpent", StatusCodes.Status400BadRequest,
                    http, ct);
        }
    }

    // A file of the answer, while the code typed last opens them; each one handed out is journaled (pack-downloaded).
    private static async Task<IResult> Download(string reference, string part, HttpContext http, PortalAccess access,
        PortalAnswer answer, TimeProvider clock, CancellationToken ct)
    {
        if (RefuseStaff(http, StaffDocuments) is { } refused)
            return refused;
        var (door, view) = await access.OpenAsync(http, reference, ct);
        if (view is null)
            return Refused(http, door);
        if (view.Ticket.AnswerUntil is not { } until || until <= clock.GetUtcNow())
            return PortalResults.SeeOther(PortalPaths.Answer(reference));
        if (await answer.DownloadAsync(view.Request, part, ct) is not { } bytes)
            return PortalResults.Notice(http, StatusCodes.Status404NotFound, "Portal.NotFoundTitle", "Portal.NotFoundBody");
        var (mediaType, extension) = PortalAnswer.FileType(part);
        return TypedResults.File(bytes, mediaType, $"{reference}-{part}.{extension}");
    }

    private static async Task<PortalAnswerModel> AnswerModelAsync(PortalView view, PortalAnswer answer, TimeProvider clock,
        string? sentTo, IReadOnlyList<FieldError> errors, CancellationToken ct)
    {
        var until = view.Ticket.AnswerUntil is { } u && u > clock.GetUtcNow() ? u : (DateTimeOffset?)null;
        return new(PortalHomeQuery.Frame(view, PortalPaths.Answer(view.Request.Reference)), await answer.PartsAsync(view.Request, ct),
            view.Ticket.AnswerCode is not null, sentTo, until, errors);
    }

    private static async Task<IResult> AnswerErrorAsync(PortalView view, PortalAnswer answer, TimeProvider clock, string field,
        string key, int status, HttpContext http, CancellationToken ct, params object?[] args) =>
        PortalResults.Page<Pages.PortalAnswerPage>(
            await AnswerModelAsync(view, answer, clock, null, [new FieldError(field, key, args)], ct), status);

    // Per request, whichever address asks: the subject is told when to come back, and nothing is e-mailed meanwhile.
    private static async Task<IResult> TooSoonAsync(PortalView view, PortalAnswer answer, TimeProvider clock, DateTimeOffset retryAt,
        string field, HttpContext http, CancellationToken ct)
    {
        var wait = retryAt - clock.GetUtcNow();
        _ = RateLimits.Refuse(http, wait); // sets Retry-After
        var minutes = Math.Max(1, (long)Math.Ceiling(wait.TotalMinutes));
        return await AnswerErrorAsync(view, answer, clock, field, "Portal.Error.TooSoon", StatusCodes.Status429TooManyRequests, http, ct,
            minutes);
    }
}
