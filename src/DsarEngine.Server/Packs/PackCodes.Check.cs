using Dapper;
using DsarEngine.Server.Requests;
using DsarEngine.Workflows.Security;

namespace DsarEngine.Server.Packs;

// The portal's "Open my answer": the code typed once, checked before any file is handed out, so a wrong code is said
// on the page where it was typed. A wrong one counts like a wrong download (five per code, the daily budget); a right
// one is not spent here: each download spends it for its part (UseAsync), as the answer link's downloads do.
internal sealed partial class PackCodes
{
    public async Task<(PackCodeCheck Check, DateTimeOffset? RetryAt)> CheckAsync(
        StoredRequest request, Guid id, string? code, PackCodeLimits limits, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        if (await RefusalAsync(c, tx, request, limits, now, issuing: false, ct) is { } retryAt)
            return (PackCodeCheck.Locked, retryAt);
        var row = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition("""
            SELECT code_hash, expires_at, attempts, used_at, parts_used FROM pack_codes
            WHERE id = @id AND tenant_id = @TenantId AND request_id = @RequestId FOR UPDATE
            """, new { id, request.TenantId, RequestId = request.Id }, tx, cancellationToken: ct));
        if (row is null || !PackParts.Kinds.Keys.Any(part => row.Opens(part, now)))
            return (PackCodeCheck.Spent, null);
        if (SecretTokens.Matches(code, row.CodeHash))
            return (PackCodeCheck.Accepted, null);
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE pack_codes SET attempts = attempts + 1 WHERE id = @id", new { id }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return (PackCodeCheck.Wrong, null);
    }
}
