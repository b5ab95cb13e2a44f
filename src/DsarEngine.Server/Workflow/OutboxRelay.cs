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
    // crash before the commit only means the sent rows are sent again, under the same ids. After the oldest, the round's
    // messages go to the broker side by side (each still waits for its publisher confirm) and the sent rows are marked in
    // one statement: a round costs about two broker round trips and three database ones, not two per row. Order between
    // messages was never promised (consumers take up to their prefetch count at once, and receivers dedupe).
    public async Task<OutboxRound> RelayBatchAsync(CancellationToken ct)
    {
        var settings = options.Value;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var rows = (await connection.QueryAsync<OutboxRow>(new CommandDefinition(ClaimSql,
            new { Limit = settings.OutboxBatch, Now = clock.GetUtcNow() }, tx, cancellationToken: ct))).AsList();
        int dead = 0;
        var decoded = new List<(OutboxRow Row, OutboxMessage Message)>(rows.Count);
        foreach (var row in rows)
        {
            if (OutboxMessages.TryDecode(row, out var message, out var poison))
            {
                decoded.Add((row, message));
                continue;
            }
            await MarkDeadAsync(connection, tx, row, poison, ct);
            dead++;
        }
        var errors = await SendAsync(decoded.Select(d => d.Message).ToList(), ct);
        var sent = decoded.Take(errors.Length).Where((_, i) => errors[i] is null).Select(d => d.Row.Id).ToArray();
        if (sent.Length > 0)
            await connection.ExecuteAsync(
                new CommandDefinition(SentSql, new { Ids = sent, Now = clock.GetUtcNow() }, tx, cancellationToken: ct));
        // A broker failing while the rest were under way fails them alike: only the first failure costs its row an
        // attempt; the others stay due for the next round, rather than each losing an attempt to an outage not theirs.
        var failed = errors.Count(e => e is not null);
        if (Array.FindIndex(errors, e => e is not null) is var first and >= 0
            && await MarkFailedAsync(connection, tx, decoded[first].Row, errors[first]!, ct))
            dead++;
        await tx.CommitAsync(ct);
        return new OutboxRound(rows.Count, sent.Length, failed, dead);
    }

    // Each message's error (null: sent), for a prefix of the messages. The oldest goes first and alone: a broker that is
    // down costs a round one send and one attempt of one row, never a timeout per row. Once it took that one, the rest go
    // side by side.
    private async Task<string?[]> SendAsync(List<OutboxMessage> messages, CancellationToken ct)
    {
        if (messages.Count == 0)
            return [];
        if (await TrySendAsync(messages[0], ct) is { } headError)
            return [headError];
        return [null, .. await Task.WhenAll(messages.Skip(1).Select(m => TrySendAsync(m, ct)))];
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
