using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace DsarEngine.Server.Tests.TestData;

// A minimal SMTP server on loopback that accepts messages and hands them to the test: enough of RFC 5321 for
// MailKit (EHLO, MAIL, RCPT, DATA, QUIT). The fault tests need what smtp4dev cannot do: come up on a port where
// nothing listened a moment ago, and refuse one recipient (550) while accepting the others.
internal sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public SmtpSink(int port = 0, Func<string, bool>? refuseRecipient = null)
    {
        listener = new TcpListener(IPAddress.Loopback, port);
        RefuseRecipient = refuseRecipient ?? (_ => false);
        listener.Start();
        loop = Task.Run(AcceptAsync);
    }

    private Func<string, bool> RefuseRecipient { get; }

    // A loopback port nothing listens on (free a moment ago): where an SMTP server "is down".
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    // Every message received so far, without waiting.
    public List<string> Drain()
    {
        var all = new List<string>();
        while (Messages.Reader.TryRead(out var message))
            all.Add(message);
        return all;
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public Channel<string> Messages { get; } = Channel.CreateUnbounded<string>();

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stop.Token); }
            catch (OperationCanceledException) { return; }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 sink ready");
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            if (verb == "DATA")
            {
                await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                var data = new StringBuilder();
                while (await reader.ReadLineAsync() is { } body && body != ".")
                    data.AppendLine(body);
                await Messages.Writer.WriteAsync(data.ToString());
                await writer.WriteLineAsync("250 queued");
            }
            else if (verb == "RCPT" && RefuseRecipient(line))
            {
                await writer.WriteLineAsync("550 5.1.1 mailbox unavailable");
            }
            else if (verb == "QUIT")
            {
                await writer.WriteLineAsync("221 bye");
                return;
            }
            else
            {
                await writer.WriteLineAsync("250 ok");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await loop;
        stop.Dispose();
    }
}
