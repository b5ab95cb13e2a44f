using Dapper;
using DsarEngine.Server.Identity;
using DsarEngine.Server.Requests;
using Npgsql;

namespace DsarEngine.Server.Portal;

// The identity code typed on the portal: the same check as the e-mailed link and POST /api/v1/requests/{reference}/identity
// (IdentityVerification: single use, expiring, five attempts), against the request's newest challenge, the one whose
// e-mail the subject has just received.
internal sealed class PortalIdentity(IdentityVerification verification, NpgsqlDataSource dataSource)
{
    private const string NewestSql = """
        SELECT id FROM identity_challenges WHERE tenant_id = @TenantId AND request_id = @RequestId
        ORDER BY created_at DESC, id DESC LIMIT 1
        """;

    public async Task<VerificationResult> VerifyAsync(StoredRequest request, string code, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var challenge = await c.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            NewestSql, new { request.TenantId, RequestId = request.Id }, cancellationToken: ct));
        return challenge is { } id
            ? await verification.VerifyAsync(request.Reference, id, null, code, ct)
            : VerificationResult.NotWaiting;
    }
}
