using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DsarEngine.Connectors;

/// <summary>
/// The HMAC signature of HTTP connector calls and callbacks: header
/// <c>X-Dsar-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c> where v1 = HMAC-SHA256(secret, "&lt;t&gt;." + body).
/// The timestamp bounds replays; the secret is shared out of band.
/// </summary>
public static class HttpTaskSignature
{
    /// <summary>The header name.</summary>
    public const string Header = "X-Dsar-Signature";

    /// <summary>The smallest secret accepted, in bytes.</summary>
    public const int MinimumSecretBytes = 32;

    /// <summary>The header value for <paramref name="body"/> signed at <paramref name="at"/>.</summary>
    public static string Sign(byte[] secret, DateTimeOffset at, ReadOnlySpan<byte> body)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={t},v1={Convert.ToHexStringLower(Mac(secret, t, body))}";
    }

    /// <summary>
    /// True when <paramref name="header"/> signs <paramref name="body"/> with <paramref name="secret"/> within
    /// <paramref name="tolerance"/> of <paramref name="now"/>.
    /// </summary>
    public static bool Verify(string? header, byte[] secret, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (header is null || header.Length > 200 || !TryParse(header, out var t, out var v1)
            || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || v1.Length != 64)
            return false;
        // In seconds, not as a DateTimeOffset: a crafted t beyond year 9999 is simply too old or too new, not an exception.
        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > (long)tolerance.TotalSeconds)
            return false;
        byte[] presented;
        try { presented = Convert.FromHexString(v1); }
        catch (FormatException) { return false; }
        return CryptographicOperations.FixedTimeEquals(presented, Mac(secret, t, body));
    }

    // Exactly one t and one v1: a header naming either twice is ambiguous, so it signs nothing.
    private static bool TryParse(string header, out string t, out string v1)
    {
        (t, v1) = ("", "");
        var (seenT, seenV1) = (false, false);
        foreach (var part in header.Split(','))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2)
                continue;
            switch (pair[0].Trim())
            {
                case "t" when !seenT:
                    (t, seenT) = (pair[1].Trim(), true);
                    break;
                case "v1" when !seenV1:
                    (v1, seenV1) = (pair[1].Trim(), true);
                    break;
                case "t" or "v1":
                    return false;
            }
        }
        return seenT && seenV1;
    }

    private static byte[] Mac(byte[] secret, string t, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(t + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(secret, message);
    }
}
