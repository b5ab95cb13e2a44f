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
            await wakeup.WaitAsync(await UntilNextDueAsync(stoppingToken), stoppingToken);
        }
    }

    private const string NextDueSql = "SELECT min(due_at) FROM timers WHERE fired_at IS NULL";

    // A timer written for later (a reminder, a task's timeout) sends no wake-up: sleep until the earliest one falls due,
    // at most a poll interval, so it fires on time instead of up to a poll interval late. One still due after a round is
    // held by another node (or failed to back off): look again shortly, not in a tight loop.
    private async Task<TimeSpan> UntilNextDueAsync(CancellationToken ct)
    {
        var poll = TimeSpan.FromMilliseconds(options.Value.PollMilliseconds);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            var next = await connection.ExecuteScalarAsync<DateTimeOffset?>(new CommandDefinition(NextDueSql, cancellationToken: ct));
            if (next is not { } due)
                return poll;
            var wait = due - clock.GetUtcNow();
            return wait < RecheckHeld ? TimeSpan.FromTicks(Math.Min(RecheckHeld.Ticks, poll.Ticks))
                : wait < poll ? wait : poll;
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return poll;
        }
    }

    private static readonly TimeSpan RecheckHeld = TimeSpan.FromMilliseconds(50);

    // One due timer per transaction: claim it, run its signal, mark it fired, commit. Dsar:Runtime:TimerWorkers such
    // loops run side by side (each claim skips the instances the others hold, so no two fire for one instance at once,
    // and each timer still fires in its own transaction). A timer whose signal fails is skipped by every loop for the
    // rest of the round and backs off (Dsar:Runtime:TimerRetryMaxSeconds), so it cannot block the others nor be retried
    // every poll forever.
    public async Task<int> FireDueAsync(CancellationToken ct)
    {
        var skip = new System.Collections.Concurrent.ConcurrentDictionary<Guid, bool>();
        var counts = await Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.TimerWorkers))
            .Select(_ => FireLoopAsync(skip, ct)));
        return counts.Sum();
    }

    private async Task<int> FireLoopAsync(System.Collections.Concurrent.ConcurrentDictionary<Guid, bool> skip, CancellationToken ct)
    {
        var fired = 0;
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
            // Another loop may have claimed it meanwhile (the failed transaction let it go): one backoff per round.
            if (skip.TryAdd(timer.Id, true))
                await BackOffAsync(timer, failure, ct);
        }
        return fired;
    }

    // The timer claimed (null when none is due) and, when its signal could not be applied, why.
    private async Task<(Due? Timer, string? Failure)> FireNextAsync(
        System.Collections.Concurrent.ConcurrentDictionary<Guid, bool> skip, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var timer = await connection.QuerySingleOrDefaultAsync<Due>(
            new CommandDefinition(ClaimSql, new { Now = now, Skip = skip.Keys.ToArray() }, tx, cancellationToken: ct));
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
