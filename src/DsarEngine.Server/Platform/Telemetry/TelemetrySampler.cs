using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DsarEngine.Server.Platform.Telemetry;

// What the database gauges read: open requests by status, overdue and due within a week, the outbox's unsent and dead
// messages and the age of the oldest unsent one, the timers due and how late the oldest is. Null before the first reading.
internal sealed record TelemetrySnapshot(IReadOnlyDictionary<string, long> Open, long Overdue, long DueSoon, long OutboxPending,
    double OutboxLagSeconds, long OutboxDead, long TimersDue, double TimerLagSeconds)
{
    // The e-mail queue (issue 16: an SMTP outage must not pass in silence): unsent and not dead, the oldest's age, dead.
    public long MailPending { get; init; }

    public double MailLagSeconds { get; init; }

    public long MailDead { get; init; }
}

// Reads the gauges from the database every Dsar:Telemetry:SampleSeconds, so that a metrics export never waits on a
// query. Every query is index-backed at a million requests (docs/performance.md): the open requests through the partial
// index on open ones, the outbox and the timers through their due indexes.
internal sealed class TelemetrySampler(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public static readonly TimeSpan DueSoon = TimeSpan.FromDays(7);

    private const string Sql = """
        SELECT status, count(*) AS open, count(*) FILTER (WHERE due_at < @Now) AS overdue,
            count(*) FILTER (WHERE due_at >= @Now AND due_at < @Soon) AS due_soon
        FROM requests WHERE status NOT IN ('completed', 'refused', 'closed', 'withdrawn') GROUP BY status;
        SELECT count(*) AS pending, min(created_at) AS oldest FROM outbox WHERE sent_at IS NULL AND dead_at IS NULL;
        SELECT count(*) FROM outbox WHERE dead_at IS NOT NULL;
        SELECT count(*) AS due, min(due_at) AS oldest FROM timers WHERE fired_at IS NULL AND due_at <= @Now;
        SELECT count(*) AS pending, min(created_at) AS oldest FROM mail_messages WHERE sent_at IS NULL AND dead_at IS NULL;
        SELECT count(*) FROM mail_messages WHERE sent_at IS NULL AND dead_at IS NOT NULL;
        """;

    private volatile TelemetrySnapshot? current;

    public TelemetrySnapshot? Current => current;

    public async Task<TelemetrySnapshot> SampleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var reader = await c.QueryMultipleAsync(new CommandDefinition(Sql, new { Now = now, Soon = now + DueSoon },
            cancellationToken: ct));
        var open = (await reader.ReadAsync<(string Status, long Open, long Overdue, long DueSoon)>()).ToList();
        var outbox = await reader.ReadSingleAsync<(long Pending, DateTime? Oldest)>();
        var dead = await reader.ReadSingleAsync<long>();
        var timers = await reader.ReadSingleAsync<(long Due, DateTime? Oldest)>();
        var mail = await reader.ReadSingleAsync<(long Pending, DateTime? Oldest)>();
        var deadMail = await reader.ReadSingleAsync<long>();
        var snapshot = new TelemetrySnapshot(open.ToDictionary(o => o.Status, o => o.Open, StringComparer.Ordinal),
            open.Sum(o => o.Overdue), open.Sum(o => o.DueSoon), outbox.Pending, Age(outbox.Oldest, now), dead, timers.Due,
            Age(timers.Oldest, now))
        {
            MailPending = mail.Pending, MailLagSeconds = Age(mail.Oldest, now), MailDead = deadMail,
        };
        current = snapshot;
        return snapshot;
    }

    private static double Age(DateTime? oldest, DateTimeOffset now) =>
        oldest is { } at ? Math.Max(0, (now - new DateTimeOffset(at, TimeSpan.Zero)).TotalSeconds) : 0;
}

// The reading loop of a node with telemetry on; a failed reading is logged and the previous values stay.
internal sealed class TelemetrySamplerLoop(
    TelemetrySampler sampler, IOptions<TelemetryOptions> options, TimeProvider clock, ILogger<TelemetrySamplerLoop> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!TelemetrySetup.IsOn(options.Value))
            return;
        var period = TimeSpan.FromSeconds(options.Value.SampleSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sampler.SampleAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning("Reading the telemetry gauges failed: {Error}", ex.Message);
            }
            await Task.Delay(period, clock, stoppingToken);
        }
    }
}
