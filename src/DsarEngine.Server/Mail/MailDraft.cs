namespace DsarEngine.Server.Mail;

// A message to send, stored with the state change that causes it. Model is JSON without secrets.
internal sealed record MailDraft(Guid Id, string ToAddress, string Template, string Language, string Model);
