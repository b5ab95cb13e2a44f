using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace DsarEngine.Server.Tests.TestData;

// A POST written straight to a socket, for what HttpClient hides: the body is produced as it is sent, with a
// Content-Length or chunked, and sending stops as soon as the server answers (HttpClient throws instead when the server
// closes the connection mid-body). Says how much of the body had left when the answer came.
internal static class RawHttp
{
    public static async Task<(int Status, JsonObject? Problem, long Sent)> PostEndlessAsync(Uri server, string path, long total,
        bool announceLength, string contentType = "application/json")
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        var framing = announceLength ? $"Content-Length: {total}" : "Transfer-Encoding: chunked";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST {path} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: {contentType}\r\n{framing}\r\n\r\n"));
        using var answered = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var reading = ReadAnswerAsync(stream, answered);
        var block = new byte[64 * 1024];
        Array.Fill(block, (byte)'a');
        long sent = 0;
        try
        {
            while (sent < total && !reading.IsCompleted)
            {
                var n = (int)Math.Min(block.Length, total - sent);
                if (!announceLength)
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(n.ToString("x", CultureInfo.InvariantCulture) + "\r\n"),
                        answered.Token);
                await stream.WriteAsync(block.AsMemory(0, n), answered.Token);
                if (!announceLength)
                    await stream.WriteAsync("\r\n"u8.ToArray(), answered.Token);
                sent += n;
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException)
        {
            // The server answered and closed the connection while the rest was still being sent: what the test wants.
        }
        var (status, body) = await reading;
        var start = body.IndexOf('{', StringComparison.Ordinal);
        var end = body.LastIndexOf('}');
        return (status, start >= 0 && end > start ? JsonNode.Parse(body[start..(end + 1)])?.AsObject() : null, sent);
    }

    // The status and the raw text after the headers, read until the server closes or the answer is complete.
    private static async Task<(int Status, string Body)> ReadAnswerAsync(NetworkStream stream, CancellationTokenSource answered)
    {
        var text = new StringBuilder();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                text.Append(Encoding.UTF8.GetString(buffer, 0, read));
                var s = text.ToString();
                var headersEnd = s.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (headersEnd >= 0 && (s.EndsWith("\r\n0\r\n\r\n", StringComparison.Ordinal) || Complete(s, headersEnd)))
                    break;
            }
        }
        catch (IOException)
        {
        }
        await answered.CancelAsync();
        var all = text.ToString();
        var status = all.Length >= 12 ? int.Parse(all.AsSpan(9, 3), CultureInfo.InvariantCulture) : 0;
        var bodyStart = all.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (status, bodyStart >= 0 ? all[(bodyStart + 4)..] : "");
    }

    private static bool Complete(string s, int headersEnd)
    {
        var headers = s[..headersEnd];
        var at = headers.IndexOf("Content-Length: ", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
            return false;
        var value = headers[(at + 16)..].Split("\r\n")[0];
        return s.Length - headersEnd - 4 >= int.Parse(value, CultureInfo.InvariantCulture);
    }
}
