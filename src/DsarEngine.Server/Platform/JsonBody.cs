using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace DsarEngine.Server.Platform;

internal sealed record JsonBody<T>(T? Value, byte[] Raw, ProblemHttpResult? Problem);

// Reads a JSON body by hand rather than through parameter binding, so that every way a body can be wrong
// (type, size, syntax, unknown or mistyped field) gets its own precise problem and nothing is half-read.
internal static class JsonBodyReader
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // A misspelt field ("detials") is an error the client must hear about, not data silently dropped.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 16,
    };

    public static async Task<JsonBody<T>> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (!IsJson(request.ContentType))
            return Fail<T>(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type",
                "The body must be JSON.", $"Send Content-Type: application/json (got '{request.ContentType ?? "none"}').");
        if (await BodyLimits.ReadAsync(request, maxBytes, ct) is not { } raw)
            return TooLarge<T>(maxBytes);
        try
        {
            var value = JsonSerializer.Deserialize<T>(raw, Options);
            if (value is null)
                return Fail<T>(StatusCodes.Status400BadRequest, "malformed-json", "The body is not a JSON object.",
                    "Send a JSON object, not null.");
            return HoldsNul(raw) is { } at
                ? Fail<T>(StatusCodes.Status400BadRequest, "malformed-json", "The body holds a NUL character.",
                    $"Text may not contain \\u0000 (the string at byte {at}). Nothing was stored.")
                : new JsonBody<T>(value, raw, null);
        }
        catch (JsonException ex)
        {
            return new JsonBody<T>(default, raw, Problems.Of(StatusCodes.Status400BadRequest, "malformed-json",
                "The body is not valid JSON for this endpoint.", Describe(ex),
                new Dictionary<string, object?>
                {
                    ["path"] = ex.Path, ["line"] = ex.LineNumber + 1, ["bytePosition"] = ex.BytePositionInLine,
                }));
        }
    }

    // PostgreSQL's text cannot hold U+0000: a string escaping one would fail the insert with a 500 (found by the hostile-input
    // harness), so it is refused here, for every JSON door at once. Only escaped strings can hold it (a raw NUL is not JSON).
    private static long? HoldsNul(byte[] raw)
    {
        if (raw.AsSpan().IndexOf("\\u0000"u8) < 0)
            return null;
        var reader = new Utf8JsonReader(raw, new JsonReaderOptions { MaxDepth = Options.MaxDepth });
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped
                && reader.GetString()!.Contains('\0', StringComparison.Ordinal))
                return reader.TokenStartIndex;
        }
        return null;
    }

    // The serializer's messages name .NET types; say what a client can act on, and never echo values.
    private static string Describe(JsonException ex) => ex.Message switch
    {
        var m when m.Contains("could not be mapped", StringComparison.Ordinal) => $"Unknown field at {ex.Path}.",
        var m when m.Contains("could not be converted", StringComparison.Ordinal) => $"Wrong type at {ex.Path}.",
        _ => $"Syntax error at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}.",
    };

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) ?? false))
        && (media.Charset.Value is null || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static JsonBody<T> TooLarge<T>(int maxBytes) =>
        Fail<T>(StatusCodes.Status413PayloadTooLarge, "body-too-large", "The body is too large.",
            $"At most {maxBytes} bytes are accepted.");

    private static JsonBody<T> Fail<T>(int status, string slug, string title, string detail) =>
        new(default, [], Problems.Of(status, slug, title, detail));
}
