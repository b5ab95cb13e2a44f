using System.Security.Claims;
using DsarEngine.Server.RequestNotices;

namespace DsarEngine.Server.Inbox.Request;

// The request page's Recipients and controllers panel (GDPR Art. 19, 17(2)): add one to tell, record that one was told.
// Like every page action: the role asked of InboxUser when it runs, an agent only on their own requests, then the staff
// API's own service (RequestNoticeCommands), which checks the role and the organisation again and stores nothing it refuses.
internal sealed class NoticeActions(InboxUser inboxUser, RequestAssignment assignment, RequestNoticeCommands commands)
{
    public async Task<ActionResult> AddAsync(string reference, string kind, string? recipient, string? system, CancellationToken ct)
    {
        var (user, refused) = await WriterAsync(reference, ct);
        return refused ?? Answer(await commands.AddAsync(user!, reference, new NoticeBody(kind, recipient, Blank(system)), ct),
            kind == RequestNoticeKinds.Controller ? "the controller is listed to be informed." : "the recipient is listed to be told.",
            "It is already listed for this request.");
    }

    public async Task<ActionResult> MarkNotifiedAsync(string reference, Guid id, string? method, CancellationToken ct)
    {
        var (user, refused) = await WriterAsync(reference, ct);
        return refused ?? Answer(await commands.MarkNotifiedAsync(user!, reference, id, new NotifiedBody(method), ct),
            "recorded as told, now, by you.", "It was already recorded as told, or is not one of this request's.");
    }

    private Task<(ClaimsPrincipal?, ActionResult?)> WriterAsync(string reference, CancellationToken ct) =>
        PageWriter.CheckAsync(inboxUser, assignment, reference, ct);

    private static ActionResult Answer(NoticeResult result, string done, string conflict) => result.Outcome switch
    {
        NoticeOutcome.Done => new(true, "Done: " + done),
        NoticeOutcome.Invalid => new(false, "Nothing was changed: " + string.Join(" ", result.Errors!.Select(
            e => $"{e.Key}: {string.Join(" ", e.Value)}"))),
        NoticeOutcome.Conflict => new(false, conflict + " Nothing was changed."),
        NoticeOutcome.NotFound => new(false, "This request is not in your organisation. Nothing was changed."),
        _ => new(false, "Your role can read but not change requests. Nothing was changed."),
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
