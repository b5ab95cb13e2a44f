using System.Security.Cryptography;

namespace DsarEngine.Workflows.Security;

// Seals data at rest with AES-256-GCM (the shared framework's; no library needed). The current key seals; any
// known key opens, by the id stored beside the sealed bytes. The associated data binds a sealed chunk to its row,
// so a chunk copied to another export or tenant does not open.
internal sealed class DataKeyRing(string currentId, byte[] currentKey, IReadOnlyDictionary<string, byte[]> retired)
{
    public const int NonceBytes = 12;
    public const int TagBytes = 16;

    public string CurrentId => currentId;

    // Every key id this ring opens: the current one and the retired ones (a row under any other id cannot be read).
    public IReadOnlyList<string> KnownIds => [currentId, .. retired.Keys.Where(id => id != currentId).Order(StringComparer.Ordinal)];

    public (byte[] Nonce, byte[] Sealed) Seal(ReadOnlySpan<byte> plain, ReadOnlySpan<byte> associated)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var sealedBytes = new byte[plain.Length + TagBytes];
        using var aes = new AesGcm(currentKey, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(0, plain.Length), sealedBytes.AsSpan(plain.Length), associated);
        return (nonce, sealedBytes);
    }

    public byte[] Open(string keyId, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> sealedBytes, ReadOnlySpan<byte> associated)
    {
        var key = keyId == currentId ? currentKey
            : retired.GetValueOrDefault(keyId)
                ?? throw new CryptographicException($"Data key '{keyId}' is not configured (Dsar:Security:RetiredDataKeys).");
        var plain = new byte[sealedBytes.Length - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(nonce, sealedBytes[..plain.Length], sealedBytes[plain.Length..], plain, associated);
        return plain;
    }
}
