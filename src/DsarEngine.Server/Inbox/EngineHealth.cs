using System.Globalization;
using Dapper;
using DsarEngine.Server.Platform;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace DsarEngine.Server.Inbox;

// One part of the engine that is not doing its work right now, said as staff need it: which part, what it means for them.
internal sealed record EngineIncident(string Part, string Message);

// What the inbox's health strip shows and GET /api/v1/staff/engine-health returns: the engine's own health checks
// (PostgreSQL, the broker) and, for the signed-in person's organisation, e-mail that is not going out, messages to its
// connected systems that wait or were given up, and timers that are late. An outage is then an incident on every
// inbox page, not silence (issue 16). Parts, counts and times only: nothing here names a subject. Empty when all is well.
internal sealed class EngineHealth(HealthCheckService checks, NpgsqlDataSource dataSource, TimeProvider clock)
{
    // A queue older than this is no longer "on its way" (a delivery round takes seconds); a failed attempt shows at once.
    public static readonly TimeSpan Stale = TimeSpan.FromMinutes(2);

    private const string QueuesSql = """
        SELECT count(*) AS waiting, min(created_at) AS oldest, count(*) FILTER (WHERE last_error IS NOT NULL) AS failing
        FROM mail_messages WHERE tenant_id = @Tenant AND sent_at IS NULL AND dead_at IS NULL;
        SELECT count(*) FROM mail_messages WHERE tenant_id = @Tenant AND sent_at IS NULL AND dead_at IS NOT NULL;
        SELECT count(*) AS waiting, min(created_at) AS oldest, count(*) FILTER (WHERE last_error IS NOT NULL) AS failing
        FROM outbox WHERE tenant_id = @Tenant AND sent_at IS NULL AND dead_at IS NULL;
        SELECT count(*) FROM outbox WHERE tenant_id = @Tenant AND sent_at IS NULL AND dead_at IS NOT NULL;
        SELECT count(*) AS waiting, min(due_at) AS oldest FROM timers
        WHERE tenant_id = @Tenant AND fired_at IS NULL AND cancelled_at IS NULL AND due_at <= @Late;
        """;

    public async Task<IReadOnlyList<EngineIncident>> ReadAsync(Guid tenant, CancellationToken ct)
    {
        var incidents = new List<EngineIncident>();
        var report = await checks.CheckHealthAsync(c => c.Tags.Contains("ready") || c.Tags.Contains(Health.BrokerTag), ct);
        var database = report.Entries.TryGetValue("postgresql", out var db) && db.Status == HealthStatus.Healthy;
        if (!database)
            incidents.Add(new("database", "The database cannot be reached: requests cannot be received or changed until it is back."));
        if (report.Entries.Any(e => e.Value.Tags.Contains(Health.BrokerTag) && e.Value.Status != HealthStatus.Healthy))
            incidents.Add(new("broker", "The message broker cannot be reached: connected systems and the pack renderer get "
                + "their work when it is back; nothing is lost."));
        if (database)
            incidents.AddRange(await QueuesAsync(tenant, ct));
        return incidents;
    }

    private async Task<IEnumerable<EngineIncident>> QueuesAsync(Guid tenant, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var reader = await c.QueryMultipleAsync(new CommandDefinition(QueuesSql,
            new { Tenant = tenant, Late = now - Stale }, cancellationToken: ct));
        var mail = await reader.ReadSingleAsync<(long Waiting, DateTime? Oldest, long Failing)>();
        var deadMail = await reader.ReadSingleAsync<long>();
        var outbox = await reader.ReadSingleAsync<(long Waiting, DateTime? Oldest, long Failing)>();
        var deadOutbox = await reader.ReadSingleAsync<long>();
        var timers = await reader.ReadSingleAsync<(long Waiting, DateTime? Oldest)>();
        var found = new List<EngineIncident>();
        if (mail.Waiting > 0 && (mail.Failing > 0 || Older(mail.Oldest, now)))
            found.Add(new("mail", $"E-mail is not going out: {Count(mail.Waiting, "message")} waiting since {At(mail.Oldest)}. "
                + "They are sent, in order, once the mail server answers."));
        if (deadMail > 0)
            found.Add(new("mail-dead", $"{Count(deadMail, "e-mail")} could not be delivered and wait for an admin to send again "
                + "(GET /api/v1/staff/mailbox)."));
        if (outbox.Waiting > 0 && (outbox.Failing > 0 || Older(outbox.Oldest, now)))
            found.Add(new("outbox", $"{Count(outbox.Waiting, "message")} to connected systems waiting since {At(outbox.Oldest)}."));
        if (deadOutbox > 0)
            found.Add(new("outbox-dead", $"{Count(deadOutbox, "message")} to connected systems could not be sent; an operator "
                + "must look (docs/operations.md)."));
        if (timers.Waiting > 0)
            found.Add(new("timers", $"{Count(timers.Waiting, "timer")} (deadlines, reminders, task timeouts) late since "
                + $"{At(timers.Oldest)}: no engine is firing them."));
        return found;
    }

    private static bool Older(DateTime? oldest, DateTimeOffset now) =>
        oldest is { } at && now - new DateTimeOffset(at, TimeSpan.Zero) > Stale;

    private static string At(DateTime? at) =>
        at is { } value ? value.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "";

    private static string Count(long n, string noun) => n == 1 ? $"1 {noun}" : $"{n.ToString(CultureInfo.InvariantCulture)} {noun}s";
}
