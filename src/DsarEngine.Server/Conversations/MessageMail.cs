using DsarEngine.Server.Mail;
using DsarEngine.Workflows.Mail;

namespace DsarEngine.Server.Conversations;

// The mail renderer's part for the inbox's messages: the outbox row holds the message's id, and its text is unsealed
// here, only when the e-mail is rendered (to be sent, or shown to the organisation's own staff in the mailbox).
internal sealed class MessageMail(MessageStore messages)
{
    public const string MessageIdKey = "messageId";
    public const string ClockStoppedKey = "clockStopped";

    public async Task AddAsync(StoredMail mail, Dictionary<string, string> values, CancellationToken ct)
    {
        if (mail.Template is not (MailTemplates.SubjectMessage or MailTemplates.InformationRequested)
            || !Guid.TryParse(values.TryGetValue(MessageIdKey, out var id) ? id : null, out var messageId))
            return;
        values["message"] = await messages.TextAsync(mail.TenantId, messageId, ct) ?? "";
        values["clockNote"] = ConversationMailTexts.ClockNote(mail.Language, values.GetValueOrDefault(ClockStoppedKey) == "true");
    }
}
