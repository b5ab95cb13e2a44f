using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.OpenDsr;

// Who is calling (OpenDSR § 4.3 leaves it to the processor). Either "Authorization: Bearer <token>", compared by
// SHA-256 in constant time, or X-OpenDSR-Signature made with the controller's certificate key the way processors sign:
// over the exact body of a POST (replaying one only submits the same request again, which is idempotent), and for GET
// and DELETE, which have no body, over "<METHOD> <path>\n<X-OpenDSR-Timestamp>". The timestamp must be within
// SignatureWindow of now: a GET signature is a credential to the subject's data, so a captured one must expire.
internal sealed class OpenDsrControllers(IOptions<OpenDsrOptions> options, TimeProvider clock)
{
    public const string TimestampHeader = "X-OpenDSR-Timestamp";
    public static readonly TimeSpan SignatureWindow = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, string> certificates = options.Value.Controllers
        .Where(c => c.Value.CertificatePath is not null).ToDictionary(c => c.Key, c => File.ReadAllText(c.Value.CertificatePath!));

    public (string Id, OpenDsrController Controller)? Authenticate(HttpRequest http, byte[]? body)
    {
        var header = http.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()));
            foreach (var (id, controller) in options.Value.Controllers)
                if (controller.TokenSha256 is { } expected
                    && CryptographicOperations.FixedTimeEquals(hash, Convert.FromHexString(expected)))
                    return (id, controller);
            return null;
        }
        var signature = http.Headers[OpenDsrSigner.SignatureHeader].ToString();
        if (signature.Length == 0)
            return null;
        var now = clock.GetUtcNow();
        byte[] signed;
        if (body is not null)
            signed = body;
        else if (Timestamp(http.Headers[TimestampHeader].ToString(), now) is { } timestamp)
            signed = SignedLine(http.Method, $"{http.PathBase}{http.Path}", timestamp);
        else
            return null;
        foreach (var (id, pem) in certificates)
            if (OpenDsrSigner.Verify(pem, signed, signature, now))
                return (id, options.Value.Controllers[id]);
        return null;
    }

    // What a controller signs for a GET or DELETE: the method, the path and the timestamp it sends in X-OpenDSR-Timestamp.
    public static byte[] SignedLine(string method, string path, string timestamp) =>
        Encoding.UTF8.GetBytes($"{method.ToUpperInvariant()} {path}\n{timestamp}");

    // The header as sent (Unix seconds, digits only) when it is within the window of now; otherwise null.
    private static string? Timestamp(string value, DateTimeOffset now) =>
        value.Length is > 0 and <= 12 && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && Math.Abs(now.ToUnixTimeSeconds() - seconds) <= (long)SignatureWindow.TotalSeconds ? value : null;

    // Bodies are read whole (the signature covers the exact bytes), so they are bounded first.
    public static Task<byte[]?> ReadBodyAsync(HttpRequest http, int limit, CancellationToken ct) =>
        Platform.BodyLimits.ReadAsync(http, limit, ct);
}
