using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DsarEngine.Server.Mail;

// One rendered message over SMTP (MailKit): connect with the configured security, authenticate if asked, send, quit.
internal sealed class MailSender(IOptions<MailOptions> options, TimeProvider clock)
{
    public async Task SendAsync(StoredMail mail, string subject, string body, CancellationToken ct)
    {
        var o = options.Value;
        using var message = Compose(mail, subject, body, o.From, clock.GetUtcNow());
        using var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        await client.ConnectAsync(o.SmtpHost!.Trim(), o.SmtpPort, Security(o.SmtpSecurity), ct);
        if (!string.IsNullOrEmpty(o.SmtpUser))
            await client.AuthenticateAsync(o.SmtpUser, o.SmtpPassword ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    public static MimeMessage Compose(StoredMail mail, string subject, string body, string from, DateTimeOffset now)
    {
        var message = new MimeMessage { Subject = subject, Date = now, Body = new TextPart("plain") { Text = body } };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(mail.ToAddress));
        // Stable per stored message: a copy sent again after a crash between the server's "250" and our commit
        // carries the same Message-ID, so mail clients and servers can recognise the duplicate.
        message.MessageId = MessageId(mail.Id, from);
        // RFC 3834: an automatic message; out-of-office replies should not answer it.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        // Which kind of message this is, for the organisation's own mail routing (and the tests' catcher).
        message.Headers.Add("X-Dsar-Template", mail.Template);
        return message;
    }

    public static string MessageId(Guid mailId, string from) => $"{mailId:N}@{from[(from.LastIndexOf('@') + 1)..]}";

    private static SecureSocketOptions Security(string mode) => mode switch
    {
        "none" => SecureSocketOptions.None,
        "tls" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    // What is kept as last_error and logged: the exception's type and the SMTP status, never the server's text,
    // which can quote the recipient's address.
    public static string Describe(Exception ex) => ex switch
    {
        SmtpCommandException smtp => $"{nameof(SmtpCommandException)} {(int)smtp.StatusCode}",
        SmtpProtocolException => nameof(SmtpProtocolException),
        SocketException socket => $"{nameof(SocketException)} {socket.SocketErrorCode}",
        _ => ex.GetType().Name,
    };
}
