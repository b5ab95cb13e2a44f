using Dapper;
using DsarEngine.Workflows.Journal;
using Npgsql;

namespace DsarEngine.Server.Requests;

internal sealed class JournalStore(NpgsqlDataSource dataSource)
{
    private const string AppendSql = """
        INSERT INTO request_journal (tenant_id, request_id, seq, at, actor, kind, data, prev_hash, hash)
        VALUES (@TenantId, @RequestId, @Seq, @At, @Actor, @Kind, @Data::json, @PrevHash, @Hash)
        """;

    // The primary key (request_id, seq) refuses a second writer that computed the same next entry. Every journaled
    // change also tells the organisation's open inbox pages (delivered at commit; PostgreSQL folds the same notice sent
    // twice in one transaction into one), so a request page shows a note, an assignment or a step as it happens.
    public static Task AppendAsync(NpgsqlConnection connection, NpgsqlTransaction tx, JournalEntry entry, CancellationToken ct) =>
        Platform.SqlBatch.ExecuteAsync(connection, tx, ct, Append(entry));

    // The entry and its notice, for a caller that sends them with its own statements in one round trip.
    public static Platform.SqlStatement[] Append(JournalEntry entry) =>
        [new(AppendSql, entry), Inbox.InboxChanges.Notify(entry.TenantId)];

    // An entry written outside a workflow transaction (a download): the request row lock orders it with the workflow's
    // own journal writes, then it is chained to the last entry.
    public static async Task AppendEventAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid tenantId, Guid requestId, DateTimeOffset now,
        string actor, string kind, string data, CancellationToken ct)
    {
        await c.ExecuteAsync(new CommandDefinition(
            "SELECT 1 FROM requests WHERE id = @Id FOR UPDATE", new { Id = requestId }, tx, cancellationToken: ct));
        var entries = await ReadAsync(c, tx, tenantId, requestId, ct);
        await AppendAsync(c, tx,
            JournalChain.Append(entries.Count > 0 ? entries[^1] : null, tenantId, requestId, now, actor, kind, data), ct);
    }

    private const string ReadSql = """
        SELECT tenant_id, request_id, seq, at, actor, kind, data::text AS data, prev_hash, hash
        FROM request_journal WHERE tenant_id = @TenantId AND request_id = @RequestId ORDER BY seq
        """;

    public async Task<IReadOnlyList<JournalEntry>> ReadAsync(Guid tenantId, Guid requestId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await ReadAsync(connection, null, tenantId, requestId, ct);
    }

    public static async Task<IReadOnlyList<JournalEntry>> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? tx,
        Guid tenantId, Guid requestId, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<JournalEntry>(
            new CommandDefinition(ReadSql, new { TenantId = tenantId, RequestId = requestId }, tx, cancellationToken: ct));
        return rows.AsList();
    }
}
