using DsarEngine.Server.Conversations;
using DsarEngine.Server.Platform;

namespace DsarEngine.Server.Inbox.Request;

// The request page's notes and messages. Reading is for everyone signed in to the organisation (an auditor reads the
// notes too); writing asks InboxUser for a writer at the moment it runs, so an auditor's forged call is refused here.
// A note is open to every writer (an agent may flag something on any request); a message speaks to the subject for the
// organisation, so an agent writes only on the requests assigned to them, as for every other action (RequestActions).
internal sealed class ConversationActions(InboxUser inboxUser, ConversationService conversations, RequestAssignment assignment)
{
    public async Task<(IReadOnlyList<NoteView> Notes, IReadOnlyList<MessageView> Messages)> ReadAsync(
        string reference, CancellationToken ct)
    {
        var user = await inboxUser.CurrentAsync();
        return user.FindFirst(StaffClaims.TenantId) is not null && await conversations.ReadAsync(user.Tenant(), reference, ct) is { } read
            ? read
            : ([], []);
    }

    public Task<ActionResult> AddNoteAsync(string reference, string? text, CancellationToken ct) =>
        WriteAsync(reference, assignedOnly: false, (tenant, actor) => conversations.AddNoteAsync(tenant, reference, text, actor, ct),
            "Done: your note was added. Only your organisation's staff can read it; the journal records that you added it.");

    public Task<ActionResult> SendMessageAsync(string reference, string? text, CancellationToken ct) =>
        WriteAsync(reference, assignedOnly: true, (tenant, actor) => conversations.SendMessageAsync(tenant, reference, text, actor, ct),
            "Done: your message is on its way to the subject by e-mail; its delivery state is shown under Messages.");

    private async Task<ActionResult> WriteAsync(
        string reference, bool assignedOnly, Func<Guid, string, Task<ConversationOutcome>> write, string done)
    {
        var (writer, refused) = await PageWriter.CheckAsync(inboxUser, assignedOnly ? assignment : null, reference, CancellationToken.None);
        if (writer is not { } user)
            return refused!;
        var outcome = await write(user.Tenant(), user.Actor());
        return outcome.Status switch
        {
            ConversationStatus.Done => new(true, done),
            ConversationStatus.RequestNotFound => new(false, "This request is not in your organisation. Nothing was changed."),
            _ => new(false, $"Nothing was changed: {outcome.Detail}"),
        };
    }
}
