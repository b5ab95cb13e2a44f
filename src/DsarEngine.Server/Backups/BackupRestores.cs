using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Dapper;
using DsarEngine.Server.Connectors;
using DsarEngine.Server.Packs;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Settings;
using DsarEngine.Server.Workflow;
using DsarEngine.Workflows.Runtime;
using Npgsql;

namespace DsarEngine.Server.Backups;

// A request the restore could not send an erase command for, and why.
internal sealed record NotReapplied(string Reference, string Reason);

// A recorded restore. OlderThanAgeOut: the backup is older than the register's backupAgeOutDays, which the erasure letters
// state as the time after which backup copies are gone: the organisation kept one longer than it told subjects.
internal sealed record BackupRestoreView(Guid Id, string Connector, DateTimeOffset BackupTakenAt, string? Note,
    DateTimeOffset RecordedAt, string RecordedBy, int? AgeOutDays, string[] Reapplied, NotReapplied[] NotReapplied)
{
    public bool OlderThanAgeOut => AgeOutDays is { } days && BackupTakenAt < RecordedAt.AddDays(-days);
}

// What recording a restore came to: the stored restore when it was done.
internal sealed record BackupRestoreChange(SettingsResult Result, BackupRestoreView? Restore = null);

// The follow-up of an erasure in the organisation's backups (GDPR Art. 17, 5(1)(e); the ICO's "beyond use"): backups are
// not edited, they age out (the register's backupAgeOutDays, stated in every erasure letter), and a system restored from
// one before then has erased subjects back in production. An admin records the restore; in one transaction with the
// record, every closed request whose erase command that system carried out after the backup was taken gets it again
// (Signal.ReapplyErasure: same exemptions, the legal holds in force now), each journaled on its request. All or nothing:
// a restore is never half recorded. Requests the retention purge already emptied cannot name their subject any more and
// are listed as such; the system's own suppression list has to cover them (docs/retention.md).
internal sealed class BackupRestores(
    NpgsqlDataSource dataSource, SignalProcessor processor, ConnectorStore connectors, RegisterStore registers, TimeProvider clock)
{
    // The signal source: with the restore and the request, each signal's message id, so a signal is applied once.
    public const string Consumer = "backup-restore";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Closed requests of the organisation with an erase task for the system, touched since the backup was taken (an
    // erase answered later than that closed the instance later still); the executor decides per task.
    private const string CandidatesSql = """
        SELECT w.request_id AS Id, r.reference AS Reference, r.purged_at AS PurgedAt
        FROM workflow_instances w JOIN requests r ON r.id = w.request_id AND r.tenant_id = w.tenant_id
        WHERE w.tenant_id = @TenantId AND w.status = 'closed' AND w.updated_at >= @BackupTakenAt
          AND EXISTS (SELECT 1 FROM jsonb_array_elements(w.state -> 'tasks') t
                      WHERE t ->> 'connector' = @Connector AND t ->> 'action' = 'erase' AND t ->> 'stepId' <> @ReapplyStep)
        ORDER BY w.request_id
        """;

    private sealed record Candidate(Guid Id, string Reference, DateTime? PurgedAt);

    public async Task<BackupRestoreChange> RecordAsync(ClaimsPrincipal by, BackupRestoreBody? body, CancellationToken ct)
    {
        if (!SettingsRoles.MayChange(by))
            return new(SettingsResult.Refused);
        if (body is null)
            return new(SettingsResult.Invalid("(root)", "The restore: connector, backupTakenAt and note (optional)."));
        var tenant = by.Tenant();
        var now = clock.GetUtcNow();
        var names = (await connectors.ListAsync(tenant, ct)).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        if (body.Problems(names, now) is { Count: > 0 } errors)
            return new(SettingsResult.Invalid(errors));
        var ageOut = (await registers.FindAsync(tenant, "", ct))?.BackupAgeOutDays;
        var id = Guid.CreateVersion7(now);
        var signal = new Signal.ReapplyErasure(id, body.Connector!, body.BackupTakenAt!.Value, by.Actor());
        var reapplied = new List<string>();
        var notReapplied = new List<NotReapplied>();
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var candidates = (await c.QueryAsync<Candidate>(new CommandDefinition(CandidatesSql, new
        {
            TenantId = tenant, signal.BackupTakenAt, Connector = signal.RestoredConnector, ReapplyStep = Executor.ReapplyStep,
        }, tx, cancellationToken: ct))).ToList();
        foreach (var candidate in candidates)
        {
            if (candidate.PurgedAt is { } purged)
            {
                notReapplied.Add(new(candidate.Reference, "Its personal data was purged on " +
                    $"{purged.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (retention): the engine cannot name the subject " +
                    "to the system any more."));
                continue;
            }
            var source = new SignalSource(Consumer, DeterministicId.From(id.ToString(), candidate.Id.ToString()));
            var outcome = await processor.ProcessAsync(c, tx, candidate.Id, signal, source, ct);
            if (outcome.Result == SignalResult.Applied)
                reapplied.Add(candidate.Reference);
            else if (outcome.Result == SignalResult.Refused)
                notReapplied.Add(new(candidate.Reference, outcome.Reason ?? outcome.Slug ?? "refused"));
        }
        var view = new BackupRestoreView(id, signal.RestoredConnector, signal.BackupTakenAt, body.Note?.Trim(), now, by.Actor(), ageOut,
            [.. reapplied], [.. notReapplied]);
        await c.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            view.Id, TenantId = tenant, view.Connector, view.BackupTakenAt, view.Note, view.RecordedAt, view.RecordedBy,
            view.AgeOutDays, view.Reapplied, NotReapplied = JsonSerializer.Serialize(view.NotReapplied, Json),
        }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return new(SettingsResult.Done, view);
    }

    private const string InsertSql = """
        INSERT INTO backup_restores (id, tenant_id, connector, backup_taken_at, note, recorded_at, recorded_by, age_out_days,
            reapplied, not_reapplied)
        VALUES (@Id, @TenantId, @Connector, @BackupTakenAt, @Note, @RecordedAt, @RecordedBy, @AgeOutDays, @Reapplied,
            @NotReapplied::jsonb)
        """;

    private const string ListSql = """
        SELECT id, connector, backup_taken_at, note, recorded_at, recorded_by, age_out_days, reapplied,
            not_reapplied::text AS not_reapplied
        FROM backup_restores WHERE tenant_id = @TenantId ORDER BY recorded_at DESC, id
        """;

    public async Task<IReadOnlyList<BackupRestoreView>> ListAsync(Guid tenantId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return [.. (await c.QueryAsync<Row>(new CommandDefinition(ListSql, new { TenantId = tenantId }, cancellationToken: ct)))
            .Select(r => r.ToView())];
    }

    // Dapper reads timestamptz as DateTime (UTC) and text[] as an array: materialised through init setters.
    private sealed record Row
    {
        public Guid Id { get; init; }
        public string Connector { get; init; } = "";
        public DateTime BackupTakenAt { get; init; }
        public string? Note { get; init; }
        public DateTime RecordedAt { get; init; }
        public string RecordedBy { get; init; } = "";
        public int? AgeOutDays { get; init; }
        public string[] Reapplied { get; init; } = [];
        public string NotReapplied { get; init; } = "[]";

        public BackupRestoreView ToView() => new(Id, Connector, new DateTimeOffset(BackupTakenAt, TimeSpan.Zero), Note,
            new DateTimeOffset(RecordedAt, TimeSpan.Zero), RecordedBy, AgeOutDays, Reapplied,
            JsonSerializer.Deserialize<NotReapplied[]>(NotReapplied, Json) ?? []);
    }
}
