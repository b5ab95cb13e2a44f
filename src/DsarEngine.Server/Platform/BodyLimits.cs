using Microsoft.AspNetCore.Http.Metadata;

namespace DsarEngine.Server.Platform;

// The server refuses any body over Dsar:Network:MaxRequestBodyBytes before an endpoint reads it. An endpoint that
// needs more says so with WithBodyLimit (endpoint routing hands the limit to the server before the body is read), and
// reads with ReadAsync, which stops at the limit instead of copying whatever is sent into memory first.
internal static class BodyLimits
{
    private sealed record Limit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;

    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new Limit(bytes));

    // The whole body, or null when it is larger than maxBytes (announced by Content-Length, or found while reading a
    // chunked one). At most maxBytes + one read buffer are held.
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
            return null;
        // Grown as bytes arrive, not sized from Content-Length: a header alone must not make the server allocate.
        using var buffer = new MemoryStream((int)Math.Min(request.ContentLength ?? 8192, Math.Min(maxBytes, 65_536)));
        var chunk = new byte[16384];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                    return null;
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // The server's own limit (global, or this endpoint's) was reached first.
            return null;
        }
        return buffer.ToArray();
    }

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooLarge(long maxBytes) =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, "body-too-large", "The body is too large; nothing was changed.",
            $"At most {maxBytes} bytes are accepted.");
}
