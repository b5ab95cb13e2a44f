using DsarEngine.Workflows.Security;
using DsarEngine.Server.Requests;

namespace DsarEngine.Server.Identity;

// One-time e-mail proof of identity. The link token and the six-digit code are derived from the challenge
// id with the server key (so the e-mail can be rendered later) and only their hashes are stored.
internal static class IdentityChallenges
{
    public const string TokenPurpose = "verify";
    public const int MaxAttempts = 5;

    public static string Code(SecretTokens tokens, Guid challengeId)
    {
        var derived = tokens.Derive("verify-code", challengeId);
        var number = BitConverter.ToUInt32(Convert.FromBase64String(derived.Replace('-', '+').Replace('_', '/') + "="), 0) % 1_000_000;
        return number.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private const string InsertSql = """
        INSERT INTO identity_challenges (id, tenant_id, request_id, token_hash, code_hash, expires_at, created_at)
        VALUES (@Id, @TenantId, @RequestId, @TokenHash, @CodeHash, @ExpiresAt, @Now)
        """;

    // The new challenge's id and the statement that stores it (only hashes of its link token and code).
    public static (Guid Id, Platform.SqlStatement Insert) Create(SecretTokens tokens, StoredRequest request, TimeSpan validity,
        DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        return (id, new Platform.SqlStatement(InsertSql, new
        {
            Id = id, request.TenantId, RequestId = request.Id,
            TokenHash = SecretTokens.Hash(tokens.Derive(TokenPurpose, id)), CodeHash = SecretTokens.Hash(Code(tokens, id)),
            ExpiresAt = now + validity, Now = now,
        }));
    }
}
