using System.ComponentModel.DataAnnotations;

namespace DsarEngine.Server.Mail;

internal sealed class MailOptions
{
    public const string SectionName = "Dsar:Mail";

    // SMTP server. Empty (the default): nothing leaves the machine; messages stay in the local mailbox.
    public string? SmtpHost { get; set; }

    [Range(1, 65535, ErrorMessage = "Dsar:Mail:SmtpPort must be between 1 and 65535.")]
    public int SmtpPort { get; set; } = 25;

    public bool EnableSsl { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    [Required(ErrorMessage = "Dsar:Mail:From is required.")]
    [EmailAddress(ErrorMessage = "Dsar:Mail:From must be an e-mail address.")]
    public string From { get; set; } = "privacy@localhost.localdomain";

    // Seconds between delivery rounds (default 5, 1–300).
    [Range(1, 300, ErrorMessage = "Dsar:Mail:PollSeconds must be between 1 and 300.")]
    public int PollSeconds { get; set; } = 5;

    // A message that failed this many times stays unsent and visible in the mailbox with its error.
    [Range(1, 100, ErrorMessage = "Dsar:Mail:MaxAttempts must be between 1 and 100.")]
    public int MaxAttempts { get; set; } = 10;
}
