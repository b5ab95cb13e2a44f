using DsarEngine.Workflows.Mail;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Mail;

// Sends stored mail through SMTP when a server is configured. Messages were written in the same transaction as
// the state that caused them, so none is lost if the process dies before sending. Each message is claimed, sent
// and its outcome committed on its own; a failure waits out a growing delay, and after the last attempt the
// message is dead until an admin requeues it (review H3).
internal sealed class SmtpDelivery(MailboxStore mailbox, MailRenderer renderer, IOptions<MailOptions> options,
    TimeProvider clock, ILogger<SmtpDelivery> log) : BackgroundService
{
    private readonly MailSender sender = new(options, clock);

    // Messages tried per round; another round follows at once only if this one sent something.
    public const int RoundSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            log.LogWarning("Dsar:Mail:SmtpHost is not set: e-mail is stored but not sent");
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(o.PollSeconds), clock);
        do
        {
            try
            {
                while (await DeliverRoundAsync(stoppingToken) > 0) { }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database is away: the messages stay due and the next round tries again.
                log.LogWarning(ex, "Mail delivery round failed; retrying at the next round");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    // One round: up to RoundSize due messages. Returns how many were sent.
    public async Task<int> DeliverRoundAsync(CancellationToken ct)
    {
        var o = options.Value;
        var policy = new MailRetryPolicy(o.MaxAttempts, TimeSpan.FromSeconds(o.RetryBaseSeconds), TimeSpan.FromSeconds(o.RetryMaxSeconds));
        foreach (var id in await mailbox.BuryInterruptedAsync(o.MaxAttempts, clock.GetUtcNow(), ct))
            log.LogWarning("Mail {MailId} is dead: every attempt was interrupted; an admin can requeue it", id);
        var sent = 0;
        for (var i = 0; i < RoundSize; i++)
        {
            // The lease outlasts the send's own deadline, so no other engine takes the message while it is in flight.
            var lease = TimeSpan.FromSeconds(o.TimeoutSeconds * 2);
            if (await mailbox.ClaimNextAsync(o.MaxAttempts, clock.GetUtcNow(), lease, ct) is not { } mail)
                break;
            // The outcome is recorded even while the host stops: a sent message left unmarked would go out twice.
            if (await TrySendAsync(mail, ct) is not { } error)
            {
                await mailbox.MarkSentAsync(mail.Id, clock.GetUtcNow(), CancellationToken.None);
                sent++;
            }
            else if (await mailbox.MarkFailedAsync(mail.Id, mail.Attempts, error, policy, clock.GetUtcNow(), CancellationToken.None))
            {
                log.LogWarning("Mail {MailId} is dead after {Attempts} attempts ({Error}); an admin can requeue it",
                    mail.Id, mail.Attempts, error);
            }
        }
        return sent;
    }

    // Every failure of one message (rendering, SMTP, the network, a bug) stays with that message.
    private async Task<string?> TrySendAsync(StoredMail mail, CancellationToken stoppingToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        try
        {
            var (subject, body) = await renderer.RenderAsync(mail, MailAudience.Subject, deadline.Token);
            await sender.SendAsync(mail, subject, body, deadline.Token);
            return null;
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            var error = ex is OperationCanceledException ? "Timeout" : MailSender.Describe(ex);
            // The message id, never the address: logs carry no personal data.
            log.LogWarning("Sending mail {MailId} failed (attempt {Attempt}): {Error}", mail.Id, mail.Attempts, error);
            return error;
        }
    }
}
