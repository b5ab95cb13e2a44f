using DsarEngine.Server.Mail;
using DsarEngine.Server.Requests;
using DsarEngine.Workflows.Journal;
using DsarEngine.Workflows.Mail;

namespace DsarEngine.Server.Conversations;

// Internal notes and the conversation with the subject, for the inbox and (RecordSubjectReplyAsync) issue 14's portal.
// Every write is one transaction with its journal entry; ConversationService.Ask.cs adds the question that stops the clock.
internal sealed partial class ConversationService(RequestStore requests, NoteStore notes, MessageStore messages,
    Npgsql.NpgsqlDataSource dataSource, Workflow.SignalProcessor processor, Uploads.SubjectUploads uploads, TimeProvider clock)
{
    public const int ListLimit = 200;

    public async Task<ConversationOutcome> AddNoteAsync(Guid tenantId, string reference, string? text, string author, CancellationToken ct)
    {
        if (ConversationText.Check(text, "note") is (null, var error))
            return ConversationOutcome.Invalid(error!);
        if (await requests.FindAsync(tenantId, reference, ct) is not { } request)
            return ConversationOutcome.NotFound;
        var id = await notes.AddAsync(request, author, text!.Trim(), Now(), ct);
        return new(ConversationStatus.Done, id);
    }

    public async Task<ConversationOutcome> SendMessageAsync(
        Guid tenantId, string reference, string? text, string author, CancellationToken ct)
    {
        if (ConversationText.Check(text, "message") is (null, var error))
            return ConversationOutcome.Invalid(error!);
        if (await requests.FindAsync(tenantId, reference, ct) is not { } request)
            return ConversationOutcome.NotFound;
        if (Recipient(request) is not { } email)
            return ConversationOutcome.NoAddress;
        var message = Outgoing(request, email, MessagePurposes.Message, author, text!.Trim(), clockStopped: false);
        await messages.WriteAsync(request, message, ct);
        return new(ConversationStatus.Done, message.Id);
    }

    // The subject's reply in words only, to a request the caller has authenticated them for: stored and journaled (actor
    // "subject"). It does not resume a stopped clock: whether the words are what was asked for is the privacy team's call,
    // made with "Resume the clock" (GDPR Recital 63). A reply with documents is ConversationService.Reply.cs's.
    public Task<ConversationOutcome> RecordSubjectReplyAsync(Guid tenantId, Guid requestId, string? text, CancellationToken ct) =>
        RecordSubjectReplyAsync(tenantId, requestId, text, [], ct);

    public const string SubjectActor = "subject";

    public async Task<(IReadOnlyList<NoteView> Notes, IReadOnlyList<MessageView> Messages)?> ReadAsync(
        Guid tenantId, string reference, CancellationToken ct)
    {
        if (await requests.FindAsync(tenantId, reference, ct) is not { } request)
            return null;
        return (await notes.ListAsync(request, ListLimit, ct), await messages.ListAsync(request, ListLimit, ct));
    }

    // A processor answers the controller, never the subject directly (GDPR Art. 28(3)(e)), as the workflow's own mail.
    public static string? Recipient(StoredRequest request) => request.Channel == "controller" ? null : request.SubjectEmail();

    // The e-mail carries the message's id, never its text: the renderer unseals the text when it sends (MessageMail).
    private NewMessage Outgoing(StoredRequest request, string email, string purpose, string author, string text, bool clockStopped)
    {
        var now = Now();
        var id = Guid.CreateVersion7(now);
        var template = purpose == MessagePurposes.MoreInformation ? MailTemplates.InformationRequested : MailTemplates.SubjectMessage;
        var model = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["reference"] = request.Reference, [MessageMail.MessageIdKey] = id.ToString(),
            [MessageMail.ClockStoppedKey] = clockStopped ? "true" : "false",
        });
        return new NewMessage(id, MessageDirections.ToSubject, purpose, author, text, clockStopped,
            new MailDraft(Guid.CreateVersion7(now), email, template, request.Language, model), now);
    }

    private DateTimeOffset Now() => Instants.Microseconds(clock.GetUtcNow());
}
