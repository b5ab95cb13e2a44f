using DsarEngine.Tests.Shared;
using MassTransit;
using Npgsql;

namespace DsarEngine.Benchmarks;

public sealed record Ping(Guid Id);

// The raw ceilings the engine is compared with, measured in the same run on the same services.
internal static class Baselines
{
    public static async Task<Result> PostgresCommitsAsync(string connectionString, int count, int concurrency)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var create = dataSource.CreateCommand("CREATE TABLE bench_rows (id uuid PRIMARY KEY, name text, data jsonb, at timestamptz)"))
            await create.ExecuteNonQueryAsync();
        return await Measure.RunAsync("raw PostgreSQL single-row commit", count, concurrency, async _ =>
        {
            await using var insert = dataSource.CreateCommand("INSERT INTO bench_rows VALUES ($1, $2, $3::jsonb, now())");
            insert.Parameters.AddWithValue(Guid.NewGuid());
            insert.Parameters.AddWithValue("row");
            insert.Parameters.AddWithValue("""{"k":"v"}""");
            await insert.ExecuteNonQueryAsync();
        });
    }

    // Publish a message and wait until a consumer on another queue has received it: one broker round trip.
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
