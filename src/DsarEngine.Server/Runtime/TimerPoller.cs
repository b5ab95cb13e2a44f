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

    // SKIP LOCKED on the instance, not the timer: every signal transaction locks the instance first (and may
    // then cancel its timers), so claiming the same way keeps one lock order and pollers never wait on each other.
    private const string ClaimSql = """
        SELECT t.id, t.request_id, t.kind, t.step_id FROM timers t JOIN workflow_instances w ON w.request_id = t.request_id
        WHERE t.fired_at IS NULL AND t.due_at <= @Now AND t.id <> ALL(@Skip) ORDER BY t.due_at LIMIT 1
        FOR UPDATE OF w SKIP LOCKED
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
                await FireDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Timer round failed; retrying");
            }
            await wakeup.WaitAsync(TimeSpan.FromMilliseconds(options.Value.PollMilliseconds), stoppingToken);
        }
    }

    // One due timer per transaction: claim it, run its signal, mark it fired, commit. A timer whose signal
    // fails (the transaction rolls back) is skipped for the rest of this round so it cannot block the others.
    public async Task<int> FireDueAsync(CancellationToken ct)
    {
        var fired = 0;
        var skip = new List<Guid>();
        while (!ct.IsCancellationRequested)
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow();
            var timer = await connection.QuerySingleOrDefaultAsync<Due>(new CommandDefinition(ClaimSql, new { Now = now, Skip = skip.ToArray() }, tx, cancellationToken: ct));
            if (timer is null)
                break;
            try
            {
                await processor.ProcessAsync(connection, tx, timer.RequestId, new Signal.TimerFired(timer.Kind, timer.StepId), new SignalSource("timers", null), ct,
                    async (c, t) => await c.ExecuteAsync(new CommandDefinition(FireSql, new { timer.Id, Now = now }, t, cancellationToken: ct)) == 1);
                await tx.CommitAsync(ct);
                fired++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                skip.Add(timer.Id);
                log.LogWarning(ex, "Timer {TimerId} ({Kind}) failed; it will be tried again at the next round", timer.Id, timer.Kind);
            }
        }
        return fired;
    }
}
