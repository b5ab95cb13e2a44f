using System.Security.Cryptography;

namespace DsarEngine.Workflows.Requests;

// The reference a subject quotes ("DSR-7KQ2-M9XD-4TPA"): 60 random bits in Crockford base32, so it can
// be read over the phone, is not guessable and says nothing about the database id or the volume.
internal static class PublicReference
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<char> chars = stackalloc char[12];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"DSR-{chars[..4]}-{chars[4..8]}-{chars[8..]}";
    }

    public static bool IsWellFormed(string value) =>
        value.Length == 18 && value.StartsWith("DSR-", StringComparison.Ordinal)
        && value[8] == '-' && value[13] == '-'
        && value.Where((c, i) => i > 3 && i is not 8 and not 13).All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
