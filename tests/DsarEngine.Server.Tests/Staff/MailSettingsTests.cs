using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Tests.Staff;

// A bad mail setting stops the engine at start-up with a message naming the setting and what it accepts.
public sealed class MailSettingsTests
{
    [TestCase("Dsar:Mail:SmtpSecurity", "ssl", null, null, "Dsar:Mail:SmtpSecurity must be none, starttls or tls")]
    [TestCase("Dsar:Mail:SmtpHost", "smtp://mail.example.org:587", null, null, "Dsar:Mail:SmtpHost must be a host name or IP address")]
    [TestCase("Dsar:Mail:SmtpPort", "0", null, null, "Dsar:Mail:SmtpPort must be between 1 and 65535.")]
    [TestCase("Dsar:Mail:SmtpUser", "mailer", null, null, "Dsar:Mail:SmtpUser and Dsar:Mail:SmtpPassword go together")]
    // The test engines send to the catcher without TLS (SmtpSecurity none): credentials there are refused.
    [TestCase("Dsar:Mail:SmtpUser", "mailer", "Dsar:Mail:SmtpPassword", "secret", "a password is never sent in clear text")]
    [TestCase("Dsar:Mail:MaxAttempts", "0", null, null, "Dsar:Mail:MaxAttempts must be between 1 and 100.")]
    [TestCase("Dsar:Mail:RetryBaseSeconds", "0", null, null, "Dsar:Mail:RetryBaseSeconds must be between 1 and 3600.")]
    [TestCase("Dsar:Mail:RetryMaxSeconds", "10", null, null, "Dsar:Mail:RetryMaxSeconds must be at least Dsar:Mail:RetryBaseSeconds.")]
    [TestCase("Dsar:Mail:TimeoutSeconds", "1", null, null, "Dsar:Mail:TimeoutSeconds must be between 5 and 300.")]
    public async Task A_bad_mail_setting_stops_start_up_with_a_precise_message(
        string key, string value, string? key2, string? value2, string message)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        if (key2 is not null)
            settings[key2] = value2;
        var engine = new EngineFactory("Host=127.0.0.1;Database=unused", settings);
        var error = Assert.Catch(() => _ = engine.Server);
        Assert.That(error, Is.InstanceOf<OptionsValidationException>().Or.InnerException.InstanceOf<OptionsValidationException>());
        Assert.That(error!.ToString(), Does.Contain(message));
        await engine.DisposeAsync();
    }
}
