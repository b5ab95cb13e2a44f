using DsarEngine.Tests.Shared;
using MassTransit;
using Npgsql;
using NpgsqlTypes;

namespace DsarEngine.Benchmarks;

public sealed record Ping(Guid Id);

// The raw ceilings the engine is compared with, measured in the same run on the same services.
internal static class Baselines
{
    private const string CreateTableSql = """
        CREATE TABLE bench_rows (id uuid PRIMARY KEY, subject text NOT NULL, data jsonb NOT NULL, received_at timestamptz NOT NULL)
        """;

    private const string InsertSql = "INSERT INTO bench_rows (id, subject, data, received_at) VALUES ($1, $2, $3, $4)";

    // One autocommitted single-row INSERT per operation: the floor of any design that stores a request durably
    // before answering. A short warm-up first opens the pool's connections and compiles the code path.
    public static async Task<Result> PostgresCommitsAsync(string connectionString, int count, int concurrency, int warmUp)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var create = dataSource.CreateCommand(CreateTableSql))
            await create.ExecuteNonQueryAsync();
        await Measure.RunAsync("warm-up", warmUp, concurrency, i => InsertAsync(dataSource, -1 - i));
        return await Measure.RunAsync("raw PostgreSQL single-row commit", count, concurrency, i => InsertAsync(dataSource, i));
    }

    private static async Task InsertAsync(NpgsqlDataSource dataSource, int i)
    {
        await using var insert = dataSource.CreateCommand(InsertSql);
        insert.Parameters.Add(new NpgsqlParameter { Value = Guid.NewGuid() });
        insert.Parameters.Add(new NpgsqlParameter { Value = $"bench{i}@example.org" });
        insert.Parameters.Add(new NpgsqlParameter
        {
            Value = """{"right":"access","jurisdiction":"FR","language":"fr"}""",
            NpgsqlDbType = NpgsqlDbType.Jsonb
        });
        insert.Parameters.Add(new NpgsqlParameter { Value = TimeProvider.System.GetUtcNow() });
        await insert.ExecuteNonQueryAsync();
    }

    // Send a message and wait until a consumer on that queue has received it: one broker round trip.
    public static async Task<Result> BrokerRoundTripsAsync(string queue, int count, int concurrency)
    {
        var waiting = new System.Collections.Concurrent.ConcurrentDictionary<Guid, TaskCompletionSource>();
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(TestDatabase.AmqpUrl));
            rabbit.ReceiveEndpoint(queue, e =>
            {
                e.PrefetchCount = 64;
                e.Handler<Ping>(context =>
                {
                    if (waiting.TryRemove(context.Message.Id, out var done))
                        done.SetResult();
                    return Task.CompletedTask;
                });
            });
        });
        await bus.StartAsync();
        try
        {
            var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{queue}"));
            return await Measure.RunAsync("raw MassTransit/RabbitMQ send→consume", count, concurrency, async _ =>
            {
                var id = Guid.NewGuid();
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                waiting[id] = done;
                await endpoint.Send(new Ping(id));
                await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
            });
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
