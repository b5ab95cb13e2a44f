using System.ComponentModel.DataAnnotations;
using DsarEngine.Workflows.Security;

namespace DsarEngine.Server.Platform;

internal sealed class SecurityOptions : IValidatableObject
{
    public const string SectionName = "Dsar:Security";

    // Base64 key (at least 32 bytes) from which status tokens are derived. Rotating it invalidates no stored
    // token (hashes are stored), but retried submissions made before the rotation get a new link.
    public string TokenKey { get; set; } = "";

    // Origins allowed to call the public API from a browser, in addition to each tenant's own list.
    public string[] AllowedOrigins { get; set; } = [];

    // Base64 AES-256 key (exactly 32 bytes) that seals exported data at rest, and its id, stored beside each sealed
    // row. Rotate by giving a new key and id and moving the old pair to RetiredDataKeys (id -> key) until no row uses it.
    public string DataKey { get; set; } = "";

    public string DataKeyId { get; set; } = "k1";

    public Dictionary<string, string> RetiredDataKeys { get; set; } = [];

    public byte[] TokenKeyBytes() => Convert.FromBase64String(TokenKey);

    public DataKeyRing DataKeys() => new(DataKeyId, Convert.FromBase64String(DataKey),
        RetiredDataKeys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value)));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        byte[]? key = null;
        try { key = string.IsNullOrWhiteSpace(TokenKey) ? null : Convert.FromBase64String(TokenKey); }
        catch (FormatException) { }
        if (key is null || key.Length < SecretTokens.MinimumKeyBytes)
            yield return new ValidationResult(
                $"Dsar:Security:TokenKey must be a base64 key of at least {SecretTokens.MinimumKeyBytes} bytes " +
                $"(e.g. `head -c 32 /dev/urandom | base64`).",
                [nameof(TokenKey)]);
        foreach (var (name, value) in RetiredDataKeys.Append(new(DataKeyId, DataKey)))
            if (!IsAesKey(value))
                yield return new ValidationResult(
                    $"Dsar:Security:DataKey (id '{name}') must be a base64 AES-256 key of exactly 32 bytes " +
                    $"(e.g. `head -c 32 /dev/urandom | base64`).",
                    [nameof(DataKey)]);
        if (!System.Text.RegularExpressions.Regex.IsMatch(DataKeyId, "^[A-Za-z0-9_.-]{1,32}$"))
            yield return new ValidationResult(
                "Dsar:Security:DataKeyId must be 1 to 32 letters, digits, '.', '_' or '-'.", [nameof(DataKeyId)]);
        foreach (var origin in AllowedOrigins.Where(o =>
            !Uri.TryCreate(o, UriKind.Absolute, out var uri) || uri.PathAndQuery != "/" || o.EndsWith('/')))
            yield return new ValidationResult(
                $"Dsar:Security:AllowedOrigins: '{origin}' is not an origin (scheme://host[:port], no path).", [nameof(AllowedOrigins)]);
    }

    private static bool IsAesKey(string value)
    {
        try { return !string.IsNullOrWhiteSpace(value) && Convert.FromBase64String(value).Length == 32; }
        catch (FormatException) { return false; }
    }
}
