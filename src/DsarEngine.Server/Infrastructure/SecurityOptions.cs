using System.ComponentModel.DataAnnotations;
using DsarEngine.Workflows.Security;

namespace DsarEngine.Server.Infrastructure;

internal sealed class SecurityOptions : IValidatableObject
{
    public const string SectionName = "Dsar:Security";

    // Base64 key (at least 32 bytes) from which status tokens are derived. Rotating it invalidates no stored
    // token (hashes are stored), but retried submissions made before the rotation get a new link.
    public string TokenKey { get; set; } = "";

    // Origins allowed to call the public API from a browser, in addition to each tenant's own list.
    public string[] AllowedOrigins { get; set; } = [];

    public byte[] TokenKeyBytes() => Convert.FromBase64String(TokenKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        byte[]? key = null;
        try { key = string.IsNullOrWhiteSpace(TokenKey) ? null : Convert.FromBase64String(TokenKey); }
        catch (FormatException) { }
        if (key is null || key.Length < SecretTokens.MinimumKeyBytes)
            yield return new ValidationResult(
                $"Dsar:Security:TokenKey must be a base64 key of at least {SecretTokens.MinimumKeyBytes} bytes (e.g. `head -c 32 /dev/urandom | base64`).",
                [nameof(TokenKey)]);
        foreach (var origin in AllowedOrigins.Where(o => !Uri.TryCreate(o, UriKind.Absolute, out var uri) || uri.PathAndQuery != "/" || o.EndsWith('/')))
            yield return new ValidationResult($"Dsar:Security:AllowedOrigins: '{origin}' is not an origin (scheme://host[:port], no path).", [nameof(AllowedOrigins)]);
    }
}
