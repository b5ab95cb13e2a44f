using DsarEngine.Connectors;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Connectors.Hosting;
using DsarEngine.Tests.Shared;
using MassTransit;
using Npgsql;

namespace DsarEngine.Benchmarks;

// For the workflow phase: a workflow that needs no person, and a connector that answers "done" at once, on its
// own bus like a separate service, so a workflow can be timed from submission to closed.
internal static class StubConnector
{
    private const string AutoDefinition = """
        { "id": "access-auto", "version": 1, "rights": ["access"],
          "clock": { "remindDaysBefore": [7], "escalateDaysAfter": 0 },
          "steps": [ { "id": "acknowledge", "type": "acknowledge" },
                     { "id": "export", "type": "fan-out", "action": "export", "timeoutHours": 24 },
                     { "id": "deliver", "type": "deliver" }, { "id": "close", "type": "close" } ] }
        """;

    private const string RegisterSql = """
        INSERT INTO connectors (tenant_id, name, actions, bus_user, created_at)
        SELECT id, $1, ARRAY['export'], $3, $2 FROM tenants WHERE slug = 'demo'
        """;

    public static string DefinitionsFolder()
    {
        var folder = Directory.CreateTempSubdirectory("dsar-bench-defs").FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "workflows", "definition.schema.json"),
            Path.Combine(folder, "definition.schema.json"));
        File.WriteAllText(Path.Combine(folder, "access-auto.json"), AutoDefinition);
        return folder;
    }

    // Straight into the registry: the staff API would need an API key, which the demo seeder only writes to a file.
    public static async Task RegisterAsync(string connectionString, string name)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(RegisterSql);
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        command.Parameters.Add(new NpgsqlParameter { Value = TimeProvider.System.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter { Value = BrokerUser.Of(new Uri(TestDatabase.AmqpUrl)) });
        if (await command.ExecuteNonQueryAsync() != 1)
            throw new InvalidOperationException("The demo organisation is missing: the connector could not be registered.");
    }

    // The demo organisation's own queue for the connector (the engine never sends a tenant's commands anywhere else).
    public static string QueueName(string name) => DsarConnectorSetup.QueueName("demo", name);

    public static async Task<IBusControl> StartAsync(string name)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(TestDatabase.AmqpUrl));
            // As a real connector: its replies carry its validated broker user, which the engine checks.
            var user = BrokerUser.Of(new Uri(TestDatabase.AmqpUrl));
            rabbit.ConfigurePublish(p => p.UseExecute(c => BrokerUser.Stamp(c, user)));
            rabbit.ReceiveEndpoint(QueueName(name), e =>
            {
                e.PrefetchCount = 64;
                e.Handler<IConnectorCommand>(c =>
                    c.Publish(new ConnectorTaskCompleted(c.Message.Task, TaskOutcomes.Done, "bench", [], [], null)));
            });
        });
        await bus.StartAsync();
        return bus;
    }
}
