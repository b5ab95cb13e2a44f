using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace DsarEngine.Server.SubjectForm;

// The served form's token, signed and encrypted with ASP.NET Data Protection: which organisation's form it is, when it was
// served (the minimum fill time and the maximum age), and a random id that is the submission's Idempotency-Key, so a form
// sent twice (a double click, a retry after a lost answer) gives one request.
internal sealed class FormToken(IDataProtectionProvider protection)
{
    internal sealed record Contents(string Tenant, DateTimeOffset ServedAt, string Id)
    {
        public string IdempotencyKey => $"form-{Id}";
    }

    private readonly IDataProtector protector = protection.CreateProtector("DsarEngine.SubjectForm.Token.v1");

    public string Issue(string tenant, DateTimeOffset now) =>
        protector.Protect(string.Join('|', tenant, now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))));

    // Null for anything this engine did not issue (or issued with a key it no longer has).
    public Contents? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1024)
            return null;
        try
        {
            var parts = protector.Unprotect(token).Split('|');
            return parts.Length == 3 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
                ? new Contents(parts[0], DateTimeOffset.FromUnixTimeMilliseconds(ms), parts[2])
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
