using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DsarEngine.Server.Retention;

// What one purge did: requests purged by their periods, earlier requests covered by an erasure, staff e-mails removed.
internal sealed record PurgeReport(int ByPeriods, int ByErasure, int StaffMail);

// The purge of the engine's own data (GDPR Art. 5(1)(e); docs/operations.md "Retention and purge"). Several engine nodes
// may run it: a session advisory lock lets one at a time through (the others skip that run), and each request is purged
// in its own transaction under its row lock (SKIP LOCKED), so a purge never waits on a workflow step nor blocks one.
internal sealed class RetentionPurge(NpgsqlDataSource dataSource, IOptions<RetentionOptions> options, TimeProvider clock,
    ILogger<RetentionPurge> log)
{
    private const string TryLockSql = "SELECT pg_try_advisory_lock(hashtextextended('dsar:retention-purge', 0))";
    private const string UnlockSql = "SELECT pg_advisory_unlock(hashtextextended('dsar:retention-purge', 0))";

    // Null when another node holds the lock.
    public async Task<PurgeReport?> RunAsync(CancellationToken ct)
    {
        await using var holder = await dataSource.OpenConnectionAsync(ct);
        if (!await holder.ExecuteScalarAsync<bool>(new CommandDefinition(TryLockSql, cancellationToken: ct)))
            return null;
        try
        {
            var now = clock.GetUtcNow();
            // Order matters for what a run cut short leaves behind: the files first, the subject's fields last.
            var batch = options.Value.Batch;
            var byPeriods = await PurgeAllAsync((c, skip) => PurgeCandidates.ByPeriodsAsync(c, now, skip, batch, ct), now, ct);
            var byErasure = await PurgeAllAsync((c, skip) => PurgeCandidates.ByErasureAsync(c, skip, batch, ct), now, ct);
            var staffMail = await PurgeStaffMailAsync(now, ct);
            var report = new PurgeReport(byPeriods, byErasure, staffMail);
            if (report != new PurgeReport(0, 0, 0))
                log.LogInformation("Retention purge: {ByPeriods} requests past their periods, {ByErasure} covered by an erasure, " +
                    "{StaffMail} staff e-mails", byPeriods, byErasure, staffMail);
            return report;
        }
        finally
        {
            await holder.ExecuteScalarAsync<bool>(new CommandDefinition(UnlockSql, cancellationToken: CancellationToken.None));
        }
    }

    // Batch after batch until nothing is due; a request seen once this run is not taken again (busy, or nothing left).
    private async Task<int> PurgeAllAsync(Func<NpgsqlConnection, IReadOnlyCollection<Guid>, Task<IReadOnlyList<PurgeDue>>> next,
        DateTimeOffset now, CancellationToken ct)
    {
        var seen = new HashSet<Guid>();
        var purged = 0;
        while (!ct.IsCancellationRequested)
        {
            IReadOnlyList<PurgeDue> batch;
            await using (var c = await dataSource.OpenConnectionAsync(ct))
                batch = await next(c, seen);
            if (batch.Count == 0)
                break;
            foreach (var due in batch)
            {
                seen.Add(due.Id);
                if (await RequestPurge.PurgeAsync(dataSource, due, now, ct))
                    purged++;
            }
        }
        return purged;
    }

    // E-mails to staff (invitations, password resets: no request) go after the organisation's mail period from their sending.
    private const string StaffMailSql = """
        DELETE FROM mail_messages m USING tenants t LEFT JOIN retention_settings s ON s.tenant_id = t.id
        WHERE m.tenant_id = t.id AND m.request_id IS NULL AND (m.sent_at IS NOT NULL OR m.dead_at IS NOT NULL)
            AND m.created_at <= @Now - make_interval(days => coalesce(s.mail_days, @MailDays))
        """;

    private async Task<int> PurgeStaffMailAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition(StaffMailSql,
            new { Now = now, MailDays = RetentionSettings.Default.Mail }, cancellationToken: ct));
    }
}
