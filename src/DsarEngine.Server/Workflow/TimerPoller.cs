using Dapper;
using DsarEngine.Workflows.Runtime;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DsarEngine.Server.Workflow;

// Fires due timers on every node. A timer that fell due while every engine was down fires when one comes
// back. The instance is locked before the timer row (the same order as every other signal), and the timer
// is marked fired in the signal's transaction, so it fires exactly once.
internal sealed class TimerPoller(NpgsqlDataSource dataSource, SignalProcessor processor, IOptions<RuntimeOptions> options,
    TimeProvider clock, ILogger<TimerPoller> log) : BackgroundService
{
    private sealed record Due(Guid Id, Guid RequestId, string Kind, string? StepId, int Attempts)
    {
        private Due() : this(default, default, "", null, 0) { }
    }

    // SKIP LOCKED on the instance, not the timer: every signal transaction locks the instance first (and may
    // then cancel its timers), so claiming the same way keeps one lock order and pollers never wait on each other.
    private const string ClaimSql = """
        SELECT t.id, t.request_id, t.kind, t.step_id, t.attempts FROM timers t JOIN workflow_instances w ON w.request_id = t.request_id
        WHERE t.fired_at IS NULL AND t.due_at <= @Now AND t.id <> ALL(@Skip) ORDER BY t.due_at LIMIT 1
        FOR UPDATE OF w SKIP LOCKED
        """;

    private const string FireSql = "UPDATE timers SET fired_at = @Now WHERE id = @Id AND fired_at IS NULL";

    // The timer stays unfired and falls due again later: legal deadlines are never given up, only retried less often.
    private const string BackOffSql =
        "UPDATE timers SET attempts = attempts + 1, last_error = @Error, due_at = @Next WHERE id = @Id AND fired_at IS NULL";

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

    // One due timer per transaction: claim it, run its signal, mark it fired, commit. A timer whose signal fails is
    // skipped for the rest of the round and backs off (Dsar:Runtime:TimerRetryMaxSeconds), so it cannot block the
    // others nor be retried every poll forever.
    public async Task<int> FireDueAsync(CancellationToken ct)
    {
        var fired = 0;
        var skip = new List<Guid>();
        while (!ct.IsCancellationRequested)
        {
            var (timer, failure) = await FireNextAsync(skip, ct);
            if (timer is null)
                break;
            if (failure is null)
            {
                fired++;
                continue;
            }
            skip.Add(timer.Id);
            await BackOffAsync(timer, failure, ct);
        }
        return fired;
    }

    // The timer claimed (null when none is due) and, when its signal could not be applied, why.
    private async Task<(Due? Timer, string? Failure)> FireNextAsync(List<Guid> skip, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var timer = await connection.QuerySingleOrDefaultAsync<Due>(
            new CommandDefinition(ClaimSql, new { Now = now, Skip = skip.ToArray() }, tx, cancellationToken: ct));
        if (timer is null)
            return (null, null);
        try
        {
            var outcome = await processor.ProcessAsync(connection, tx, timer.RequestId, new Signal.TimerFired(timer.Kind, timer.StepId),
                new SignalSource("timers", null), ct,
                async (c, t) => await c.ExecuteAsync(
                    new CommandDefinition(FireSql, new { timer.Id, Now = now }, t, cancellationToken: ct)) == 1);
            // The instance's definition version is not loaded: it is parked (committed here), the timer is not consumed.
            await tx.CommitAsync(ct);
            return (timer, outcome.Slug == SignalProcessor.DefinitionMissing ? outcome.Reason : null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Timer {TimerId} ({Kind}) failed on attempt {Attempt}", timer.Id, timer.Kind, timer.Attempts + 1);
            return (timer, $"{ex.GetType().Name}: {(ex.Message.Length <= 300 ? ex.Message : ex.Message[..300])}");
        }
    }

    private async Task BackOffAsync(Due timer, string error, CancellationToken ct)
    {
        var next = clock.GetUtcNow() + options.Value.TimerBackoff(timer.Attempts + 1);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(
            new CommandDefinition(BackOffSql, new { timer.Id, Error = error, Next = next }, cancellationToken: ct));
        log.LogWarning("Timer {TimerId} ({Kind}) could not fire (attempt {Attempt}); next attempt at {NextAttempt:O}",
            timer.Id, timer.Kind, timer.Attempts + 1, next);
    }
}
