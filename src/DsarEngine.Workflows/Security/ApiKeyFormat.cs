using System.Security.Cryptography;

namespace DsarEngine.Workflows.Security;

// Staff API keys look like `dsar_<key id>_<secret>`. The id finds the row; only the secret's SHA-256 is
// stored, so a database leak does not leak working keys. The prefix makes leaked keys easy to scan for.
internal static class ApiKeyFormat
{
    private const string Prefix = "dsar_";

    public static (Guid Id, string Key) New()
    {
        var id = Guid.NewGuid();
        return (id, Compose(id, SecretTokens.Base64Url(RandomNumberGenerator.GetBytes(32))));
    }

    public static string Compose(Guid id, string secret) => $"{Prefix}{id:N}_{secret}";

    public static bool TryParse(string? key, out Guid id, out string secret)
    {
        id = Guid.Empty;
        secret = string.Empty;
        if (key is null || key.Length > 200 || !key.StartsWith(Prefix, StringComparison.Ordinal))
            return false;
        var parts = key[Prefix.Length..].Split('_', 2);
        if (parts.Length != 2 || parts[1].Length < 16 || !Guid.TryParseExact(parts[0], "N", out id))
            return false;
        secret = parts[1];
        return true;
    }
}
