using System.Security.Cryptography;
using System.Text;
using DsarEngine.Workflows.Security;

namespace DsarEngine.Server.Conversations;

// A note's or a message's text as it is stored: sealed with the data key (the associated data binds it to its tenant and
// row, so a sealed text moved to another row or organisation does not open), and its SHA-256, which the journal keeps.
internal sealed record SealedText(string KeyId, byte[] Nonce, byte[] Sealed, string Sha256);

internal sealed class TextSeal(DataKeyRing keys)
{
    public SealedText Seal(string text, Guid tenantId, Guid id)
    {
        var plain = Encoding.UTF8.GetBytes(text);
        var (nonce, sealedBytes) = keys.Seal(plain, Associated(tenantId, id));
        return new SealedText(keys.CurrentId, nonce, sealedBytes, Digest(text));
    }

    public string Open(string keyId, byte[] nonce, byte[] sealedBytes, Guid tenantId, Guid id) =>
        Encoding.UTF8.GetString(keys.Open(keyId, nonce, sealedBytes, Associated(tenantId, id)));

    public static string Digest(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    internal static byte[] Associated(Guid tenantId, Guid id) => [.. tenantId.ToByteArray(), .. id.ToByteArray()];
}
