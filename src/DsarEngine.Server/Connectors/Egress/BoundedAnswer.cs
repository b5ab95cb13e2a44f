using System.Buffers;
using System.Net;
using System.Net.Http.Headers;

namespace DsarEngine.Server.Connectors.Egress;

// An outbound call's answer with its body read to at most a bound, inside the caller's timeout: headers first, then
// the body chunk by chunk, stopping one byte past the bound whether or not Content-Length was sent (chunked bodies
// have none, and a Content-Length can lie). Body is null when the answer was larger: the rest is never read.
internal sealed record BoundedAnswer(HttpStatusCode Status, HttpResponseHeaders Headers, byte[]? Body)
{
    public const string TooLargeCode = "response-too-large";

    public static async Task<BoundedAnswer> SendAsync(HttpClient client, HttpRequestMessage message, int maxBytes, CancellationToken ct)
    {
        using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct);
        return new BoundedAnswer(response.StatusCode, response.Headers, await ReadAsync(response.Content, maxBytes, ct));
    }

    public static async Task<byte[]?> ReadAsync(HttpContent content, int maxBytes, CancellationToken ct)
    {
        if (content.Headers.ContentLength > maxBytes)
            return null;
        await using var stream = await content.ReadAsStreamAsync(ct);
        using var body = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, maxBytes + 1L - body.Length)), ct)) > 0)
            {
                body.Write(chunk, 0, read);
                if (body.Length > maxBytes)
                    return null;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return body.ToArray();
    }
}
