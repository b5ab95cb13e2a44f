using System.Text.Json;
using Dapper;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Infrastructure;
using DsarEngine.Workflows.Persistence.Runtime;
using MassTransit;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DsarEngine.Server.Runtime;

// Publishes outbox rows through MassTransit with their deterministic ids (receivers dedupe on them).
// Runs on every node: FOR UPDATE SKIP LOCKED shares the rows without double sends.
internal sealed class OutboxRelay(NpgsqlDataSource dataSource, IBus bus, IOptions<RuntimeOptions> options, IOptions<BusOptions> busOptions, Connectors.EngineReplies replies, TimeProvider clock,
    ILogger<OutboxRelay> log) : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    // The wire contracts of the SDK, and the engine's own command to its pack renderer.
    private static readonly Dictionary<string, Type> Contracts = typeof(TaskReference).Assembly.GetExportedTypes()
        .Where(t => t.Namespace == "DsarEngine.Connectors.Contracts").Append(typeof(Workflows.Packs.RenderResponsePack)).Append(typeof(Workflows.Packs.RenderNotice)).ToDictionary(t => t.FullName!);

    private sealed record Row(Guid Id, string? Destination, string MessageType, string Body)
    {
        private Row() : this(default, null, "", "") { }
    }

    private const string ClaimSql = """
        SELECT id, destination, message_type, body::text AS body FROM outbox
        WHERE sent_at IS NULL ORDER BY created_at LIMIT @Limit FOR UPDATE SKIP LOCKED
        """;

    private const string MarkSql = "UPDATE outbox SET sent_at = CASE WHEN @Error::text IS NULL THEN @Now END, attempts = attempts + 1, last_error = @Error WHERE id = @Id";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Workers)
            return;
        await using var wakeup = new PgWakeup(dataSource, RuntimeRows.OutboxChannel, log);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RelayBatchAsync(stoppingToken) > 0) { }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Outbox relay round failed; retrying");
            }
            await wakeup.WaitAsync(TimeSpan.FromMilliseconds(options.Value.PollMilliseconds), stoppingToken);
        }
    }

    public async Task<int> RelayBatchAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(ClaimSql, new { Limit = options.Value.OutboxBatch }, tx, cancellationToken: ct))).AsList();
        foreach (var row in rows)
        {
            string? error = null;
            try
            {
                await SendAsync(row, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                error = ex.Message;
                log.LogWarning("Outbox message {MessageId} could not be sent: {Error}", row.Id, ex.Message);
            }
            await connection.ExecuteAsync(new CommandDefinition(MarkSql, new { row.Id, Error = error, Now = clock.GetUtcNow() }, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
        return rows.Count;
    }

    private async Task SendAsync(Row row, CancellationToken ct)
    {
        if (!Contracts.TryGetValue(row.MessageType, out var type))
            throw new InvalidOperationException($"Unknown message type {row.MessageType}.");
        var message = JsonSerializer.Deserialize(row.Body, type, Json)!;
        if (row.Destination is { } queue && !queue.StartsWith(DownstreamEvents.ExchangePrefix, StringComparison.Ordinal))
        {
            // "@name" is one of this engine cluster's own queues (the HTTP and OpenDSR adapters): prefix it.
            var name = queue.StartsWith('@') ? busOptions.Value.EndpointPrefix + queue[1..] : queue;
            var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{name}"));
            // Connectors answer to the ResponseAddress: this engine's reply queue, not every reply queue on the broker.
            await endpoint.Send(message, type, Pipe.Execute<SendContext>(c =>
            {
                c.MessageId = row.Id;
                c.ResponseAddress = replies.Address;
            }), ct);
        }
        else if (Connectors.ErasureEventTopology.IsErasureEvent(message, out var tenant))
        {
            await bus.Publish(message, type, Pipe.Execute<PublishContext>(c =>
            {
                c.MessageId = row.Id;
                c.Serializer = c.Serialization.GetMessageSerializer(RawJson);
                c.SetRoutingKey(tenant);
            }), ct);
        }
        else
        {
            await bus.Publish(message, type, Pipe.Execute<PublishContext>(c => c.MessageId = row.Id), ct);
        }
    }

    private static readonly System.Net.Mime.ContentType RawJson = new("application/json");
}
