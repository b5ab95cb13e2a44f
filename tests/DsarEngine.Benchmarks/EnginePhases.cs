using System.Net;
using System.Text;
using Dapper;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Tests.Shared;
using MassTransit;
using Npgsql;

namespace DsarEngine.Benchmarks;

// What the engine does, timed: public intake through HTTP, and whole workflows through the bus.
internal static class EnginePhases
{
    public static HttpClient Client(Uri address, int concurrency) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = address };

    public static async Task<Result> IntakeAsync(HttpClient client, int count, int concurrency, string label)
    {
        var failures = 0;
        var result = await Measure.RunAsync(label, count, concurrency, async i =>
        {
            var body = $$"""{"tenant":"demo","right":"access","subject":{"email":"bench{{i}}-{{Guid.NewGuid():N}}@example.org","name":"Bench"},"jurisdiction":"FR","language":"fr"}""";
            using var response = await client.PostAsync("/api/v1/requests", new StringContent(body, Encoding.UTF8, "application/json"));
            if (response.StatusCode != HttpStatusCode.Accepted)
                Interlocked.Increment(ref failures);
        });
        if (failures > 0)
            throw new InvalidOperationException($"{failures} of {count} submissions were not accepted.");
        return result;
    }

    // Submissions go in as fast as intake takes them; the clock stops when the last workflow has closed.
    public static async Task<Result> WorkflowsAsync(HttpClient client, string connectionString, int count, int concurrency)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        var before = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM workflow_instances WHERE status = 'closed'");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await IntakeAsync(client, count, concurrency, "(submissions)");
        long closed;
        while ((closed = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM workflow_instances WHERE status = 'closed'") - before) < count)
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(5))
                throw new TimeoutException($"Only {closed} of {count} workflows closed in 5 minutes.");
            await Task.Delay(20);
        }
        return new Result("workflows end to end (intake → connector → closed)", count, watch.Elapsed.TotalSeconds, 0, 0);
    }

    // The in-process stub connector: its own bus, like a separate service, answering "done" at once.
    public static async Task<IBusControl> StartConnectorAsync(string name)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(TestDatabase.AmqpUrl));
            rabbit.ReceiveEndpoint($"dsar-connector-{name}", e =>
            {
                e.PrefetchCount = 64;
                e.Handler<PerformConnectorAction>(c => c.Publish(new ConnectorActionCompleted(c.Message.RequestId, c.Message.TaskId, ConnectorOutcomes.Done, "bench")));
            });
        });
        await bus.StartAsync();
        return bus;
    }
}
