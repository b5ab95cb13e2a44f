using System.Security.Cryptography;

namespace DsarEngine.Server.Tests.TestData;

// What an authenticator app computes (RFC 6238: HMAC-SHA1 over 30-second steps, six digits), from the key as the inbox
// shows it (base32, RFC 4648, in groups of four). Written here so the test checks the engine against the standard,
// not against the engine's own code.
internal static class Totp
{
    public static string Code(string shownKey, DateTimeOffset at)
    {
        var key = Base32(shownKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        var step = BitConverter.GetBytes(at.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
            Array.Reverse(step);
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1; its collision weakness does not matter for an HMAC.
        var hash = HMACSHA1.HashData(key, step);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
