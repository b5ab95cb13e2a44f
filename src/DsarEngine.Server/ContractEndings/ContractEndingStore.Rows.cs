using System.Text.Json;
using Dapper;
using DsarEngine.Workflows.Journal;
using Npgsql;

namespace DsarEngine.Server.ContractEndings;

// The statements an end of contract's transactions run: the ending, its tasks, its journal.
internal sealed partial class ContractEndingStore
{
    private const string InsertSql = """
        INSERT INTO contract_endings (id, tenant_id, workspace_key, customer_tenant_id, choice, agreed_on, exceptions, phase,
            created_at, created_by)
        VALUES (@Id, @TenantId, @WorkspaceKey, @CustomerTenantId, @Choice, @AgreedOn, @Exceptions::jsonb, @Phase, @CreatedAt, @CreatedBy)
        ON CONFLICT DO NOTHING
        """;

    // False when another end of contract of this workspace is still running (the partial unique index).
    public static async Task<bool> InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, StoredEnding e, CancellationToken ct) =>
        await c.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            e.Id, e.TenantId, e.WorkspaceKey, e.CustomerTenantId, e.Choice, e.AgreedOn,
            Exceptions = JsonSerializer.Serialize(e.Exceptions, Json), e.Phase, e.CreatedAt, e.CreatedBy,
        }, tx, cancellationToken: ct)) == 1;

    private const string LockSql = $"SELECT {Columns} FROM contract_endings WHERE id = @Id FOR UPDATE";

    public static async Task<StoredEnding?> LockAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid id, CancellationToken ct) =>
        (await c.QuerySingleOrDefaultAsync<EndingRow>(new CommandDefinition(LockSql, new { Id = id }, tx, cancellationToken: ct)))
            ?.ToStored();

    private const string PhaseSql = "UPDATE contract_endings SET phase = @Phase, version = version + 1 WHERE id = @Id";

    public static Task SetPhaseAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid id, string phase, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(PhaseSql, new { Id = id, Phase = phase }, tx, cancellationToken: ct));

    private const string FinishSql = """
        UPDATE contract_endings SET phase = 'finished', outcome = @Outcome, certificate = @Certificate::json, finished_at = @Now,
            version = version + 1
        WHERE id = @Id
        """;

    public static Task FinishAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid id, string outcome, string certificate,
        DateTimeOffset now, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(FinishSql, new { Id = id, Outcome = outcome, Certificate = certificate, Now = now },
            tx, cancellationToken: ct));

    private const string InsertTaskSql = """
        INSERT INTO contract_ending_tasks (task_id, ending_id, tenant_id, connector, action, status, summary, due_at, answered_at)
        VALUES (@TaskId, @EndingId, @TenantId, @Connector, @Action, @Status, @Summary, @DueAt, @AnsweredAt)
        ON CONFLICT (task_id) DO NOTHING
        """;

    public static Task InsertTaskAsync(NpgsqlConnection c, NpgsqlTransaction tx, StoredEnding e, EndingTask t, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(InsertTaskSql, new
        {
            t.TaskId, EndingId = e.Id, e.TenantId, t.Connector, t.Action, t.Status, t.Summary, t.DueAt, t.AnsweredAt,
        }, tx, cancellationToken: ct));

    // Only a task still waiting takes an answer: the first final answer wins, as for a request's tasks.
    private const string AnswerSql = """
        UPDATE contract_ending_tasks SET status = @Status, summary = @Summary, retained = @Retained::jsonb, export = @Export::jsonb,
            answered_at = @Now
        WHERE task_id = @TaskId AND ending_id = @EndingId AND connector = @Connector AND status = 'sent'
        """;

    public static async Task<bool> AnswerAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid endingId, Guid taskId, string connector,
        EndingAnswer answer, DateTimeOffset now, CancellationToken ct) =>
        await c.ExecuteAsync(new CommandDefinition(AnswerSql, new
        {
            TaskId = taskId, EndingId = endingId, Connector = connector, answer.Status, answer.Summary,
            Retained = JsonSerializer.Serialize(answer.Retained, Json),
            Export = answer.Export is null ? null : JsonSerializer.Serialize(answer.Export, Json), Now = now,
        }, tx, cancellationToken: ct)) == 1;

    private const string LastEntrySql = """
        SELECT tenant_id, ending_id AS request_id, seq, at, actor, kind, data::text AS data, prev_hash, hash
        FROM contract_ending_journal WHERE ending_id = @Id ORDER BY seq DESC LIMIT 1
        """;

    private const string AppendSql = """
        INSERT INTO contract_ending_journal (tenant_id, ending_id, seq, at, actor, kind, data, prev_hash, hash)
        VALUES (@TenantId, @RequestId, @Seq, @At, @Actor, @Kind, @Data::json, @PrevHash, @Hash)
        """;

    // Chained like a request's journal (JournalChain): the ending row is locked by the caller, so entries never race.
    public static async Task JournalAsync(NpgsqlConnection c, NpgsqlTransaction tx, StoredEnding e, DateTimeOffset now, string actor,
        string kind, object data, CancellationToken ct)
    {
        var last = await c.QuerySingleOrDefaultAsync<JournalEntry>(
            new CommandDefinition(LastEntrySql, new { e.Id }, tx, cancellationToken: ct));
        var entry = JournalChain.Append(last, e.TenantId, e.Id, now, actor, kind, JsonSerializer.Serialize(data, Json));
        await c.ExecuteAsync(new CommandDefinition(AppendSql, entry, tx, cancellationToken: ct));
    }

    private const string JournalSql = """
        SELECT tenant_id, ending_id AS request_id, seq, at, actor, kind, data::text AS data, prev_hash, hash
        FROM contract_ending_journal WHERE ending_id = @Id ORDER BY seq
        """;

    public async Task<IReadOnlyList<JournalEntry>> JournalAsync(Guid endingId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return (await c.QueryAsync<JournalEntry>(new CommandDefinition(JournalSql, new { Id = endingId }, cancellationToken: ct))).AsList();
    }

    private const string DueSql = """
        SELECT t.ending_id, t.task_id, t.connector FROM contract_ending_tasks t
        WHERE t.status = 'sent' AND t.due_at <= @Now ORDER BY t.due_at LIMIT 100
        """;

    public async Task<IReadOnlyList<(Guid EndingId, Guid TaskId, string Connector)>> DueAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return (await c.QueryAsync<(Guid, Guid, string)>(new CommandDefinition(DueSql, new { Now = now }, cancellationToken: ct))).AsList();
    }

    private const string BundleLinkSql = """
        UPDATE contract_endings SET bundle_token_hash = @Hash, bundle_expires_at = @ExpiresAt
        WHERE tenant_id = @TenantId AND id = @Id
        """;

    public async Task SetBundleLinkAsync(Guid tenantId, Guid id, byte[] hash, DateTimeOffset expiresAt, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(BundleLinkSql,
            new { TenantId = tenantId, Id = id, Hash = hash, ExpiresAt = expiresAt }, cancellationToken: ct));
    }

    private const string ByIdSql = $"SELECT {Columns} FROM contract_endings WHERE id = @Id";

    private const string TokenHashSql = "SELECT bundle_token_hash FROM contract_endings WHERE id = @Id";

    // The end of contract a bundle link names, with the hash its token must match; null when there is none.
    public async Task<(StoredEnding Ending, byte[]? Hash)?> ForBundleAsync(Guid id, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<EndingRow>(new CommandDefinition(ByIdSql, new { Id = id }, cancellationToken: ct));
        if (row is null)
            return null;
        var hash = await c.QuerySingleOrDefaultAsync<byte[]?>(new CommandDefinition(TokenHashSql, new { Id = id }, cancellationToken: ct));
        return (row.ToStored(), hash);
    }

    // An event outside the runner (a link made, a download): the ending row is locked so the chain never forks.
    public async Task JournalEventAsync(Guid id, DateTimeOffset now, string actor, string kind, object data, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        if (await LockAsync(c, tx, id, ct) is { } ending)
            await JournalAsync(c, tx, ending, now, actor, kind, data, ct);
        await tx.CommitAsync(ct);
    }

    // GDPR Art. 28(3)(g) "deletes existing copies": the engine's own sealed copy of the returned data goes 30 days after the
    // run finished, or when its last link expires if later. The ends of contract whose copy went are returned.
    private const string PurgeSql = """
        WITH gone AS (
            DELETE FROM connector_exports x USING contract_endings e
            WHERE x.contract_ending_id = e.id AND e.phase = 'finished'
              AND greatest(e.finished_at + interval '30 days', coalesce(e.bundle_expires_at, e.finished_at)) < @Now
            RETURNING e.id)
        SELECT DISTINCT id FROM gone
        """;

    public async Task<int> PurgeReturnedCopiesAsync(DateTimeOffset now, CancellationToken ct)
    {
        List<Guid> purged;
        await using (var c = await dataSource.OpenConnectionAsync(ct))
            purged = (await c.QueryAsync<Guid>(new CommandDefinition(PurgeSql, new { Now = now }, cancellationToken: ct))).AsList();
        foreach (var id in purged)
            await JournalEventAsync(id, now, "retention", "contract-ending-returned-copy-purged", new { }, ct);
        return purged.Count;
    }
}
