using System.Security.Cryptography;
using System.Text;

namespace DsarEngine.Workflows.Security;

// Tokens handed to subjects (status links) are derived with HMAC-SHA256 from a server key and the
// request id, and only their SHA-256 hash is stored. Deriving rather than drawing them lets an
// idempotent retry and a later e-mail show the same link without the database ever holding it.
internal sealed class SecretTokens(byte[] key)
{
    public const int MinimumKeyBytes = 32;

    public string Derive(string purpose, Guid subjectId)
    {
        var message = Encoding.UTF8.GetBytes($"{purpose}:{subjectId:N}");
        return Base64Url(HMACSHA256.HashData(key, message));
    }

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    // Constant-time comparison of a presented token with a stored hash.
    public static bool Matches(string? presented, byte[] storedHash) =>
        !string.IsNullOrEmpty(presented) && presented.Length <= 128
        && CryptographicOperations.FixedTimeEquals(Hash(presented), storedHash);

    public static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
