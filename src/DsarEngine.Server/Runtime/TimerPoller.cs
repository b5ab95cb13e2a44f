using Dapper;
using DsarEngine.Workflows.Persistence.Runtime;
using DsarEngine.Workflows.Runtime;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DsarEngine.Server.Runtime;

// Fires due timers on every node. A timer that fell due while every engine was down fires when one comes
// back. The instance is locked before the timer row (the same order as every other signal), and the timer
// is marked fired in the signal's transaction, so it fires exactly once.
internal sealed class TimerPoller(NpgsqlDataSource dataSource, SignalProcessor processor, IOptions<RuntimeOptions> options,
    TimeProvider clock, ILogger<TimerPoller> log) : BackgroundService
{
    private sealed record Due(Guid Id, Guid RequestId, string Kind, string? StepId)
    {
        private Due() : this(default, default, "", null) { }
    }

    private const string DueSql = """
        SELECT id, request_id, kind, step_id FROM timers
        WHERE fired_at IS NULL AND due_at <= @Now ORDER BY due_at LIMIT 50
        """;

    private const string FireSql = "UPDATE timers SET fired_at = @Now WHERE id = @Id AND fired_at IS NULL";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Workers)
            return;
        await using var wakeup = new PgWakeup(dataSource, RuntimeRows.TimerChannel, log);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await FireDueAsync(stoppingToken) > 0) { }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Timer round failed; retrying");
            }
            await wakeup.WaitAsync(TimeSpan.FromMilliseconds(options.Value.PollMilliseconds), stoppingToken);
        }
    }

    public async Task<int> FireDueAsync(CancellationToken ct)
    {
        List<Due> due;
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
            due = (await connection.QueryAsync<Due>(new CommandDefinition(DueSql, new { Now = clock.GetUtcNow() }, cancellationToken: ct))).AsList();
        foreach (var timer in due)
        {
            var result = await processor.ProcessAsync(timer.RequestId, new Signal.TimerFired(timer.Kind, timer.StepId),
                new SignalSource("timers", null), ct,
                async (c, tx) => await c.ExecuteAsync(new CommandDefinition(FireSql, new { timer.Id, Now = clock.GetUtcNow() }, tx, cancellationToken: ct)) == 1);
            if (result == SignalResult.NotFound)
            {
                // A timer whose request has no workflow: nothing can use it; retire it so it is not polled forever.
                await using var connection = await dataSource.OpenConnectionAsync(ct);
                await connection.ExecuteAsync(new CommandDefinition(FireSql, new { timer.Id, Now = clock.GetUtcNow() }, cancellationToken: ct));
            }
        }
        return due.Count;
    }
}
