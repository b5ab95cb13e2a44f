
namespace DsarEngine.Server.Mail;

// One outgoing message as admins see it. State: queued (never tried), retrying (failed, tried again at
// nextAttemptAt), dead (gave up at deadAt; lastError says why; an admin can requeue it) or sent.
internal sealed record MailView(Guid Id, string To, string Subject, string Body, string Template, string Language,
    DateTimeOffset CreatedAt, string State, DateTimeOffset? SentAt, int Attempts, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeadAt,
    string? LastError)
{
    public const string Queued = "queued";

    public static MailView From(StoredMail mail, string subject, string body)
    {
        var state = mail switch
        {
            { SentAt: not null } => "sent",
            { DeadAt: not null } => "dead",
            { Attempts: 0 } => Queued,
            _ => "retrying",
        };
        var pending = state is Queued or "retrying";
        return new MailView(mail.Id, mail.ToAddress, subject, body, mail.Template, mail.Language, mail.CreatedAt, state,
            mail.SentAt, mail.Attempts, pending ? mail.NextAttemptAt : null, mail.DeadAt, mail.LastError);
    }
}
