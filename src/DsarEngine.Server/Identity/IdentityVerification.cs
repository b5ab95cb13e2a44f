using Dapper;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Workflow;
using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Runtime;
using DsarEngine.Workflows.Security;

namespace DsarEngine.Server.Identity;

internal enum VerificationResult
{
    Verified,
    NotFound,
    Expired,
    Used,
    TooManyAttempts,
    Wrong,
    NotWaiting,
}

// The subject proves control of the e-mail address with the one-time link (token) or the code it carried.
// Checked and consumed in the same transaction as the signal it produces: single use even under races.
internal sealed class IdentityVerification(RequestStore requests, SignalProcessor processor, TimeProvider clock)
{
    private sealed record Challenge(
        Guid Id, byte[] TokenHash, byte[] CodeHash, DateTimeOffset ExpiresAt, int Attempts, DateTimeOffset? UsedAt)
    {
        private Challenge() : this(default, [], [], default, 0, null) { }
    }

    private const string LockSql = """
        SELECT id, token_hash, code_hash, expires_at, attempts, used_at FROM identity_challenges
        WHERE id = @Id AND request_id = @RequestId FOR UPDATE
        """;

    public async Task<VerificationResult> VerifyAsync(string reference, Guid challengeId, string? token, string? code, CancellationToken ct)
    {
        var request = PublicReference.IsWellFormed(reference) ? await requests.FindByReferenceAsync(reference, ct) : null;
        if (request is null)
            return VerificationResult.NotFound;
        var outcome = VerificationResult.NotWaiting;
        var method = token is not null ? "one-time link" : "one-time code";
        var result = await processor.ProcessAsync(
            request.Id, new Signal.IdentityVerified("email", method, "subject"), new SignalSource("identity", null), ct,
            async (c, tx) =>
            {
                var challenge = await c.QuerySingleOrDefaultAsync<Challenge>(new CommandDefinition(
                    LockSql, new { Id = challengeId, RequestId = request.Id }, tx, cancellationToken: ct));
                outcome = Check(challenge, token, code, clock.GetUtcNow());
                var sql = outcome == VerificationResult.Verified
                    ? "UPDATE identity_challenges SET used_at = @Now WHERE id = @Id"
                    : "UPDATE identity_challenges SET attempts = attempts + 1 WHERE id = @Id";
                if (challenge is not null && outcome is VerificationResult.Verified or VerificationResult.Wrong)
                    await c.ExecuteAsync(
                        new CommandDefinition(sql, new { Id = challengeId, Now = clock.GetUtcNow() }, tx, cancellationToken: ct));
                return outcome == VerificationResult.Verified;
            });
        return result.Result switch
        {
            SignalResult.Applied => VerificationResult.Verified,
            SignalResult.NotFound => VerificationResult.NotFound,
            _ => outcome == VerificationResult.Verified ? VerificationResult.NotWaiting : outcome,
        };
    }

    private static VerificationResult Check(Challenge? challenge, string? token, string? code, DateTimeOffset now)
    {
        if (challenge is null)
            return VerificationResult.NotFound;
        if (challenge.UsedAt is not null)
            return VerificationResult.Used;
        if (challenge.ExpiresAt <= now)
            return VerificationResult.Expired;
        if (challenge.Attempts >= IdentityChallenges.MaxAttempts)
            return VerificationResult.TooManyAttempts;
        var matches = token is not null
            ? SecretTokens.Matches(token, challenge.TokenHash)
            : SecretTokens.Matches(code?.Trim(), challenge.CodeHash);
        return matches ? VerificationResult.Verified : VerificationResult.Wrong;
    }
}
