using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.OpenDsr;

// Who is calling (OpenDSR § 4.3 leaves it to the processor). Either "Authorization: Bearer <token>", compared by
// SHA-256 in constant time, or X-OpenDSR-Signature made with the controller's certificate key the way processors sign:
// over the exact body of a POST, and over "<METHOD> <path>" for GET and DELETE, which have none. A replayed signature
// only repeats the same idempotent call for the same request, so no timestamp is needed.
internal sealed class OpenDsrControllers(IOptions<OpenDsrOptions> options, TimeProvider clock)
{
    private readonly Dictionary<string, string> certificates = options.Value.Controllers
        .Where(c => c.Value.CertificatePath is not null).ToDictionary(c => c.Key, c => File.ReadAllText(c.Value.CertificatePath!));

    public (string Id, OpenDsrController Controller)? Authenticate(HttpRequest http, byte[]? body)
    {
        var header = http.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()));
            foreach (var (id, controller) in options.Value.Controllers)
                if (controller.TokenSha256 is { } expected && CryptographicOperations.FixedTimeEquals(hash, Convert.FromHexString(expected)))
                    return (id, controller);
            return null;
        }
        var signature = http.Headers[OpenDsrSigner.SignatureHeader].ToString();
        if (signature.Length == 0)
            return null;
        var signed = body ?? SignedLine(http.Method, $"{http.PathBase}{http.Path}");
        foreach (var (id, pem) in certificates)
            if (OpenDsrSigner.Verify(pem, signed, signature, clock.GetUtcNow()))
                return (id, options.Value.Controllers[id]);
        return null;
    }

    public static byte[] SignedLine(string method, string path) => Encoding.UTF8.GetBytes($"{method.ToUpperInvariant()} {path}");

    // Bodies are read whole (the signature covers the exact bytes), so they are bounded first.
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest http, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await http.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
