using System.Net;
using System.Net.Mail;
using DsarEngine.Workflows.Persistence;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Mail;

// Sends stored mail through SMTP when a server is configured. Messages were written in the same
// transaction as the state that caused them, so none is lost if the process dies before sending.
internal sealed class SmtpDelivery(MailboxStore mailbox, MailRenderer renderer, IOptions<MailOptions> options,
    TimeProvider clock, ILogger<SmtpDelivery> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.SmtpHost))
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(o.PollSeconds), clock);
        do
        {
            try
            {
                while (await mailbox.DeliverPendingAsync(SendAsync, 20, o.MaxAttempts, clock.GetUtcNow(), stoppingToken) > 0) { }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Mail delivery round failed; retrying at the next round");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<string?> SendAsync(StoredMail mail)
    {
        var o = options.Value;
        try
        {
            var (subject, body) = await renderer.RenderAsync(mail, CancellationToken.None);
            using var message = new MailMessage(o.From, mail.ToAddress, subject, body);
            using var smtp = new SmtpClient(o.SmtpHost, o.SmtpPort) { EnableSsl = o.EnableSsl };
            if (!string.IsNullOrEmpty(o.Username))
                smtp.Credentials = new NetworkCredential(o.Username, o.Password);
            await smtp.SendMailAsync(message);
            return null;
        }
        catch (SmtpException ex)
        {
            // The message id, never the address: logs carry no personal data.
            log.LogWarning("Sending mail {MailId} failed: {Status}", mail.Id, ex.StatusCode);
            return $"{ex.StatusCode}: {ex.Message}";
        }
    }
}
