using Dapper;
using Npgsql;

namespace DsarEngine.Server.Representatives;

// The representative of a request and where their proof stands (request_representatives, migrations 0031 and 0042).
internal sealed record RepresentativeRecord(
    string Relationship, string Name, string Email, string ProofStatus, DateTimeOffset? ProofConfirmedAt, string? ProofConfirmedBy,
    string? ProofEvidence)
{
    // Positional constructor mapping needs exact column types; timestamptz reads as DateTime.
    private RepresentativeRecord() : this("", "", "", "", null, null, null) { }

    public bool Confirmed => ProofStatus == RepresentativeStore.Confirmed;
}

internal sealed class RepresentativeStore(NpgsqlDataSource dataSource)
{
    public const string Awaited = "awaited";
    public const string Received = "received";
    public const string Confirmed = "confirmed";

    private const string FindSql = """
        SELECT relationship, name, email, proof_status, proof_confirmed_at, proof_confirmed_by, proof_evidence
        FROM request_representatives WHERE tenant_id = @TenantId AND request_id = @RequestId
        """;

    public async Task<RepresentativeRecord?> FindAsync(Guid tenantId, Guid requestId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await c.QuerySingleOrDefaultAsync<RepresentativeRecord>(
            new CommandDefinition(FindSql, new { TenantId = tenantId, RequestId = requestId }, cancellationToken: ct));
    }

    // In the intake transaction, after the form's documents: a proof of authority among them is the proof received.
    private const string MarkReceivedSql = """
        UPDATE request_representatives r SET proof_status = 'received'
        WHERE r.tenant_id = @TenantId AND r.request_id = @RequestId AND r.proof_status = 'awaited'
          AND EXISTS (SELECT 1 FROM subject_documents d
                      WHERE d.tenant_id = r.tenant_id AND d.request_id = r.request_id AND d.kind = 'proof-of-authority')
        """;

    public static Task MarkReceivedAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid tenantId, Guid requestId,
        CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(MarkReceivedSql, new { TenantId = tenantId, RequestId = requestId }, tx,
            cancellationToken: ct));

    private const string ConfirmSql = """
        UPDATE request_representatives SET proof_status = 'confirmed', proof_confirmed_at = @At, proof_confirmed_by = @Actor,
            proof_evidence = @Evidence
        WHERE tenant_id = @TenantId AND request_id = @RequestId AND proof_status <> 'confirmed'
        """;

    // A person confirms the proof, noting how; journaled with the request. False when there is nothing to confirm.
    public async Task<bool> ConfirmAsync(Guid tenantId, Guid requestId, string actor, string evidence, DateTimeOffset at,
        CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var changed = await c.ExecuteAsync(new CommandDefinition(ConfirmSql,
            new { TenantId = tenantId, RequestId = requestId, Actor = actor, Evidence = evidence, At = at }, tx, cancellationToken: ct));
        if (changed == 0)
            return false;
        // The journal outlives erasure: it records that and by whom the proof was confirmed, not the evidence's words.
        await Requests.JournalStore.AppendEventAsync(c, tx, tenantId, requestId, at, actor,
            Workflows.Journal.JournalKinds.RepresentativeProofConfirmed,
            "{\"proof\":\"confirmed\"}", ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
