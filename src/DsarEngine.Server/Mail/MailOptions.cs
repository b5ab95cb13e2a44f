using System.ComponentModel.DataAnnotations;

namespace DsarEngine.Server.Mail;

internal sealed class MailOptions : IValidatableObject
{
    public const string SectionName = "Dsar:Mail";

    public static readonly string[] SecurityModes = ["none", "starttls", "tls"];

    // SMTP server (host name or IP, no port). Empty (the default): nothing leaves the machine; messages stay queued.
    public string? SmtpHost { get; set; }

    [Range(1, 65535, ErrorMessage = "Dsar:Mail:SmtpPort must be between 1 and 65535.")]
    public int SmtpPort { get; set; } = 25;

    // none: plain SMTP (only for a catcher on loopback); starttls (default): upgrade the connection, refuse a server
    // that cannot; tls: implicit TLS from the first byte (port 465). Codes and links are personal data in transit.
    public string SmtpSecurity { get; set; } = "starttls";

    // Both or neither; never sent without TLS.
    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    [Required(ErrorMessage = "Dsar:Mail:From is required.")]
    [EmailAddress(ErrorMessage = "Dsar:Mail:From must be an e-mail address.")]
    public string From { get; set; } = "privacy@localhost.localdomain";

    // Seconds between delivery rounds when the queue was idle (default 5, 1–300).
    [Range(1, 300, ErrorMessage = "Dsar:Mail:PollSeconds must be between 1 and 300.")]
    public int PollSeconds { get; set; } = 5;

    // Whole SMTP conversation for one message, connect to QUIT (default 30, 5–300).
    [Range(5, 300, ErrorMessage = "Dsar:Mail:TimeoutSeconds must be between 5 and 300.")]
    public int TimeoutSeconds { get; set; } = 30;

    // Failures before a message is dead (kept, visible to admins, requeued by hand) (default 10, 1–100).
    [Range(1, 100, ErrorMessage = "Dsar:Mail:MaxAttempts must be between 1 and 100.")]
    public int MaxAttempts { get; set; } = 10;

    // Wait after the first failure, doubling after each (default 30, 1–3600) up to RetryMaxSeconds (default 3600,
    // 1–86400): ten attempts then span about three hours, so an SMTP outage of minutes costs nothing but time.
    [Range(1, 3600, ErrorMessage = "Dsar:Mail:RetryBaseSeconds must be between 1 and 3600.")]
    public int RetryBaseSeconds { get; set; } = 30;

    [Range(1, 86400, ErrorMessage = "Dsar:Mail:RetryMaxSeconds must be between 1 and 86400.")]
    public int RetryMaxSeconds { get; set; } = 3600;

    public bool Enabled => !string.IsNullOrWhiteSpace(SmtpHost);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!SecurityModes.Contains(SmtpSecurity))
            yield return new ValidationResult(
                $"Dsar:Mail:SmtpSecurity must be none, starttls or tls (was '{SmtpSecurity}').", [nameof(SmtpSecurity)]);
        if (Enabled && Uri.CheckHostName(SmtpHost!.Trim()) == UriHostNameType.Unknown)
            yield return new ValidationResult(
                "Dsar:Mail:SmtpHost must be a host name or IP address, without scheme or port (the port is Dsar:Mail:SmtpPort).",
                [nameof(SmtpHost)]);
        if (string.IsNullOrEmpty(SmtpUser) != string.IsNullOrEmpty(SmtpPassword))
            yield return new ValidationResult(
                "Dsar:Mail:SmtpUser and Dsar:Mail:SmtpPassword go together: set both or neither.", [nameof(SmtpUser)]);
        if (!string.IsNullOrEmpty(SmtpUser) && SmtpSecurity == "none")
            yield return new ValidationResult(
                "Dsar:Mail:SmtpUser needs Dsar:Mail:SmtpSecurity starttls or tls: a password is never sent in clear text.",
                [nameof(SmtpSecurity)]);
        if (RetryMaxSeconds < RetryBaseSeconds)
            yield return new ValidationResult(
                "Dsar:Mail:RetryMaxSeconds must be at least Dsar:Mail:RetryBaseSeconds.", [nameof(RetryMaxSeconds)]);
    }
}
