using Dapper;
using DsarEngine.Server.Platform;
using MassTransit;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DsarEngine.Server.Workflow;

// What one relay round did: rows claimed, sent, failed (backing off), and parked as dead.
internal sealed record OutboxRound(int Claimed, int Sent, int Failed, int Dead)
{
    // Rows left the queue: another round may find more. A round that only failed must not be followed at once.
    public bool Progressed => Sent + Dead > 0;
}

// Publishes outbox rows through MassTransit with their deterministic ids (receivers dedupe on them). Runs on every
// node: FOR UPDATE SKIP LOCKED shares the rows without double sends. Only due rows are claimed: a failed send waits
// out its backoff, so one row that cannot be sent never blocks the head of the queue or spins the loop.
internal sealed partial class OutboxRelay(NpgsqlDataSource dataSource, IOutboxTransport transport, IOptions<RuntimeOptions> options,
    TimeProvider clock, ILogger<OutboxRelay> log) : BackgroundService
{
    [ActivatorUtilitiesConstructor]
    public OutboxRelay(NpgsqlDataSource dataSource, IBus bus, IOptions<BusOptions> busOptions, Connectors.EngineReplies replies,
        IOptions<RuntimeOptions> options, TimeProvider clock, ILogger<OutboxRelay> log)
        : this(dataSource, new BusOutboxTransport(bus, busOptions, replies), options, clock, log)
    {
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Workers)
            return;
        await using var wakeup = new PgWakeup(dataSource, RuntimeRows.OutboxChannel, log);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Another round only after one that moved rows on (sent, or dead-lettered: both leave the queue). A
                // round that ended on a failed send waits for the next poll or wake-up: a broker outage costs one
                // attempt of one row per poll, never a hot loop.
                while ((await RelayBatchAsync(stoppingToken)).Progressed) { }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Outbox relay round failed; retrying");
            }
            await wakeup.WaitAsync(TimeSpan.FromMilliseconds(options.Value.PollMilliseconds), stoppingToken);
        }
    }

    private const string ClaimSql = """
        SELECT id, destination, message_type, body::text AS body, attempts FROM outbox
        WHERE sent_at IS NULL AND dead_at IS NULL AND next_attempt_at <= @Now
        ORDER BY next_attempt_at, created_at LIMIT @Limit FOR UPDATE SKIP LOCKED
        """;

    // One transaction per round: sends happen while the rows are locked (each bounded by the send timeout), and a
    // crash before the commit only means the sent rows are sent again, under the same ids.
    public async Task<OutboxRound> RelayBatchAsync(CancellationToken ct)
    {
        var settings = options.Value;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var rows = (await connection.QueryAsync<OutboxRow>(new CommandDefinition(ClaimSql,
            new { Limit = settings.OutboxBatch, Now = clock.GetUtcNow() }, tx, cancellationToken: ct))).AsList();
        int sent = 0, failed = 0, dead = 0;
        foreach (var row in rows)
        {
            if (!OutboxMessages.TryDecode(row, out var message, out var poison))
            {
                await MarkDeadAsync(connection, tx, row, poison, ct);
                dead++;
                continue;
            }
            if (await TrySendAsync(message, ct) is not { } error)
            {
                await connection.ExecuteAsync(
                    new CommandDefinition(SentSql, new { row.Id, Now = clock.GetUtcNow() }, tx, cancellationToken: ct));
                sent++;
                continue;
            }
            failed++;
            if (await MarkFailedAsync(connection, tx, row, error, ct))
                dead++;
            // The broker, or the way to it, is failing: the rest of the batch would fail alike, each row losing an
            // attempt to an outage that is not its fault. They stay due for the next round.
            break;
        }
        await tx.CommitAsync(ct);
        return new OutboxRound(rows.Count, sent, failed, dead);
    }

    // Null when the broker took the message; otherwise why not (the exception's type and message, never the body).
    private async Task<string?> TrySendAsync(OutboxMessage message, CancellationToken ct)
    {
        var timeout = TimeSpan.FromSeconds(options.Value.OutboxSendTimeoutSeconds);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(timeout);
        try
        {
            // WaitAsync as well as the token: a send that ignores its token still cannot hold the relay's transaction.
            await transport.SendAsync(message, bounded.Token).WaitAsync(bounded.Token);
            return null;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return $"the broker did not take the message within {timeout.TotalSeconds:0} s";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return $"{ex.GetType().Name}: {(ex.Message.Length <= 300 ? ex.Message : ex.Message[..300])}";
        }
    }
}
