using DsarEngine.Server.Packs;
using DsarEngine.Server.Platform;

namespace DsarEngine.Server.Portal;

internal static partial class PortalApi
{
    private const string StaffDocuments = "GET /api/v1/staff/requests/{reference}/documents";
    private const string SendCodeField = "send-code";

    private static async Task<IResult> AnswerPage(string reference, string? done, HttpContext http, PortalAccess access,
        PortalAnswer answer, CancellationToken ct)
    {
        var (door, view) = await access.OpenAsync(http, reference, ct);
        if (view is null)
            return Refused(http, door);
        await access.ViewedAsync(view.Request, "answer", ct);
        var sentTo = done == "code" && view.Request.SubjectEmail() is { } email ? PackCodeMail.Mask(email) : null;
        return PortalResults.Page<Pages.PortalAnswerPage>(await AnswerModelAsync(view, view.Ticket, answer, sentTo, [], ct));
    }

    // "Send me a code": the answer link's own path (PackCodeMail), with its per-request limits and its e-mail.
    private static async Task<IResult> SendCode(string reference, HttpContext http, PortalAccess access, PortalAnswer answer,
        PortalSession sessions, TimeProvider clock, CancellationToken ct)
    {
        var (refusal, view) = await OpenFormPostAsync(reference, http, access, StaffDocuments, ct);
        if (view is null)
            return refusal!;
        if ((await answer.PartsAsync(view.Request, ct)).Count == 0)
            return await AnswerErrorAsync(view, answer, new(SendCodeField, "Portal.AnswerNotReady"), StatusCodes.Status409Conflict, ct);
        var sent = await answer.SendCodeAsync(view.Request, ct);
        switch (sent.Result)
        {
            case PackCodeSendResult.Sent:
                sessions.Write(http, reference, view.Ticket with { AnswerCode = sent.CodeId, AnswerSecret = null });
                return PortalResults.SeeOther($"{PortalPaths.Answer(reference)}?done=code");
            case PackCodeSendResult.NoEmail:
                return await AnswerErrorAsync(view, answer, new(SendCodeField, "Portal.Error.NoEmail"), StatusCodes.Status409Conflict,
                    ct);
            default:
                return await TooSoonAsync(http, view, answer, clock, sent.RetryAt!.Value, SendCodeField, ct);
        }
    }

    // "Open my answer": the code e-mailed last, checked once here (PackCodes: five tries, fifteen minutes, the daily budget).
    private static async Task<IResult> OpenAnswer(string reference, HttpContext http, PortalAccess access, PortalAnswer answer,
        PortalSession sessions, TimeProvider clock, CancellationToken ct)
    {
        var (refusal, view) = await OpenFormPostAsync(reference, http, access, StaffDocuments, ct);
        if (view is null)
            return refusal!;
        var code = (await http.Request.ReadFormAsync(ct))[CodeField].ToString().Trim();
        if (code.Length == 0)
            return await AnswerErrorAsync(view, answer, new(CodeField, "Portal.Error.CodeEmpty"), StatusCodes.Status400BadRequest, ct);
        if (view.Ticket.AnswerCode is not { } codeId)
            return await AnswerErrorAsync(view, answer, new(CodeField, "Portal.Error.CodeSpent"), StatusCodes.Status400BadRequest, ct);
        var (check, retryAt) = await answer.CheckAsync(view.Request, codeId, code, ct);
        switch (check)
        {
            case PackCodeCheck.Accepted:
                sessions.Write(http, reference, view.Ticket with { AnswerSecret = code });
                return PortalResults.SeeOther(PortalPaths.Answer(reference));
            case PackCodeCheck.Locked:
                return await TooSoonAsync(http, view, answer, clock, retryAt!.Value, CodeField, ct);
            default:
                var key = check == PackCodeCheck.Wrong ? "Portal.Error.CodeWrong" : "Portal.Error.CodeSpent";
                return await AnswerErrorAsync(view, answer, new(CodeField, key), StatusCodes.Status400BadRequest, ct);
        }
    }

    // A part of the answer, with the code typed on the answer page: spent for that part and journaled, as the link's are.
    private static async Task<IResult> Download(string reference, string part, HttpContext http, PortalAccess access,
        PortalAnswer answer, PortalSession sessions, TimeProvider clock, CancellationToken ct)
    {
        if (RefuseStaff(http, StaffDocuments) is { } refused)
            return refused;
        var (door, view) = await access.OpenAsync(http, reference, ct);
        if (view is null)
            return Refused(http, door);
        if (view.Ticket is not { AnswerCode: { } codeId, AnswerSecret: { } code }
            || !(await answer.PartsAsync(view.Request, ct)).Contains(part))
            return PortalResults.SeeOther(PortalPaths.Answer(reference));
        var (file, check, retryAt) = await answer.DownloadAsync(view.Request, part, codeId, code, ct);
        if (file is not null)
            return TypedResults.File(file.Content, file.MediaType, file.FileName);
        if (check == PackCodeCheck.Locked)
            return await TooSoonAsync(http, view, answer, clock, retryAt!.Value, SendCodeField, ct);
        // This part was downloaded with this code already, or the code's time ran out: a new code opens it again.
        var spent = sessions.Write(http, reference, view.Ticket with { AnswerCode = null, AnswerSecret = null });
        return PortalResults.Page<Pages.PortalAnswerPage>(await AnswerModelAsync(view, spent, answer, null,
            [new PortalFieldError(SendCodeField, "Portal.Error.CodeSpent")], ct), StatusCodes.Status400BadRequest);
    }

    private static async Task<PortalAnswerModel> AnswerModelAsync(PortalView view, PortalTicket ticket, PortalAnswer answer,
        string? sentTo, IReadOnlyList<PortalFieldError> errors, CancellationToken ct) =>
        new(PortalHomeQuery.Frame(view, PortalPaths.Answer(view.Request.Reference)), await answer.PartsAsync(view.Request, ct),
            ticket.AnswerCode is not null, sentTo, ticket.AnswerSecret is not null, errors);

    private static async Task<IResult> AnswerErrorAsync(PortalView view, PortalAnswer answer, PortalFieldError error,
        int status, CancellationToken ct) =>
        PortalResults.Page<Pages.PortalAnswerPage>(await AnswerModelAsync(view, view.Ticket, answer, null, [error], ct), status);

    // Per request, whichever address asks: the subject is told when to come back, and nothing is e-mailed meanwhile.
    private static async Task<IResult> TooSoonAsync(HttpContext http, PortalView view, PortalAnswer answer, TimeProvider clock,
        DateTimeOffset retryAt, string field, CancellationToken ct)
    {
        var wait = retryAt - clock.GetUtcNow();
        _ = RateLimits.Refuse(http, wait); // sets Retry-After
        var minutes = Math.Max(1, (long)Math.Ceiling(wait.TotalMinutes));
        return await AnswerErrorAsync(view, answer, new(field, "Portal.Error.TooSoon", minutes),
            StatusCodes.Status429TooManyRequests, ct);
    }
}
