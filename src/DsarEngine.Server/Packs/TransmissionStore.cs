using Dapper;
using DsarEngine.Server.Requests;
using Npgsql;

namespace DsarEngine.Server.Packs;

// GDPR Art. 20(2): the record that a direct transmission is not technically feasible, with the fact journaled.
internal sealed class TransmissionStore(NpgsqlDataSource dataSource)
{
    // Only while the request is open, asked for a transmission and not yet recorded: one reason, once.
    private const string RefuseSql = """
        UPDATE requests SET transmission_refusal = @Reason
        WHERE tenant_id = @TenantId AND id = @Id AND transmit_to IS NOT NULL AND transmission_refusal IS NULL
            AND status NOT IN ('completed', 'refused', 'closed', 'withdrawn')
        """;

    // False when nothing changed (already recorded, or the request is finished).
    public async Task<bool> RecordNotFeasibleAsync(StoredRequest request, string reason, string actor, DateTimeOffset now,
        CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        if (await c.ExecuteAsync(new CommandDefinition(RefuseSql, new { Reason = reason, request.TenantId, request.Id }, tx,
            cancellationToken: ct)) == 0)
            return false;
        // The reason stays on the request (purged with it); the journal, which outlives it, records only the fact.
        await JournalStore.AppendEventAsync(c, tx, request.TenantId, request.Id, now, actor,
            Workflows.Journal.JournalKinds.TransmissionNotFeasible, """{"article":"GDPR Art. 20(2)"}""", ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
