using DsarEngine.Connectors;
using DsarEngine.Connectors.Hosting;
using DsarEngine.Samples.BillingConnector;
using DsarEngine.Samples.Common;
using DsarEngine.Samples.CrmConnector;
using DsarEngine.Samples.SupportDeskConnector;
using DsarEngine.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DsarEngine.Benchmarks;

// For the workflow phase with --workflow-connectors samples: the real sample connector services (CRM, billing, support
// desk), each in its own generic Host as it runs in production, on a fresh samples database (each seeds its 300 shared
// people at start-up) and the real broker, as Server.Tests' SampleSystems starts them.
internal sealed class SampleConnectors : IAsyncDisposable
{
    // Starting (seeding included) or stopping one service never takes longer than this; past it the phase stops and says so.
    private static readonly TimeSpan HostBound = TimeSpan.FromMinutes(2);

    private const string RegisterSql = """
        INSERT INTO connectors (tenant_id, name, actions, kind, display_name, systems, data_categories, retention, bus_user, created_at)
        SELECT id, $1, $2, 'bus', $3, ARRAY[$3], $4, $5::jsonb, $6, $7 FROM tenants WHERE slug = 'demo'
        """;

    private readonly List<IHost> hosts = [];

    private SampleConnectors(string prefix)
    {
        // Connector names allow no '_': the run's database name with hyphens, so each run has its own names and queues.
        var stem = prefix.Replace('_', '-');
        (Crm, Billing, Support) = (stem + "crm", stem + "billing", stem + "support");
    }

    public string Crm { get; }

    public string Billing { get; }

    public string Support { get; }

    public IReadOnlyList<string> Names => [Crm, Billing, Support];

    private string? ConnectionString { get; set; }

    // Four submissions in five name one of the people every sample system holds (cycling through all 300), so each system
    // really finds and exports records; the fifth names nobody, and each system answers "not found" as it would in production.
    public static (string Email, string Name)? Subject(int n)
    {
        if (n % 5 == 0)
            return null;
        var person = SamplePeople.All[n % SamplePeople.All.Count];
        return (person.Email, person.Name);
    }

    // Registers the three systems in the engine's database as an admin would (with what each holds), then starts them.
    // prefix: the engine's Dsar:Bus:EndpointPrefix, whose reply exchange the connectors report to.
    public static async Task<SampleConnectors> StartAsync(string engineDatabase, string prefix)
    {
        var systems = new SampleConnectors(prefix);
        try
        {
            await using (var engine = NpgsqlDataSource.Create(engineDatabase))
            {
                await RegisterAsync(engine, systems.Crm, "Sales CRM", ["locate", "export", "rectify", "erase", "stop-processing"],
                    ["contact-details", "contacts", "notes"], "[]");
                await RegisterAsync(engine, systems.Billing, "Billing", ["locate", "export", "erase", "restrict", "lift-restriction"],
                    ["account", "invoices", "payment-methods"],
                    """[{"category":"invoices","legalBasis":"Code de commerce art. L123-22","period":"P10Y"}]""");
                await RegisterAsync(engine, systems.Support, "Support desk", ["locate", "export", "rectify", "erase"],
                    ["support-tickets"], "[]");
            }
            systems.ConnectionString = await TestDatabase.CreateAsync("dsar_samples");
            var broker = new Uri(TestDatabase.AmqpUrl);
            SampleSettings For(string name) =>
                new(name, ["demo"], broker, systems.ConnectionString) { ReplyExchange = prefix + "dsar.replies" };
            await systems.StartAsync("CRM", s => s.AddCrmConnector(For(systems.Crm)));
            await systems.StartAsync("billing", s => s.AddBillingConnector(For(systems.Billing)));
            await systems.StartAsync("support desk", s => s.AddSupportDeskConnector(For(systems.Support)));
            return systems;
        }
        catch
        {
            await systems.DisposeAsync();
            throw;
        }
    }

    // Straight into the registry, like StubConnector: the staff API would need an API key. Bound to the broker user the
    // services connect as, which the engine checks on every reply.
    private static async Task RegisterAsync(NpgsqlDataSource engine, string name, string display, string[] actions,
        string[] categories, string retention)
    {
        await using var command = engine.CreateCommand(RegisterSql);
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        command.Parameters.Add(new NpgsqlParameter { Value = actions });
        command.Parameters.Add(new NpgsqlParameter { Value = display });
        command.Parameters.Add(new NpgsqlParameter { Value = categories });
        command.Parameters.Add(new NpgsqlParameter { Value = retention });
        command.Parameters.Add(new NpgsqlParameter { Value = BrokerUser.Of(new Uri(TestDatabase.AmqpUrl)) });
        command.Parameters.Add(new NpgsqlParameter { Value = TimeProvider.System.GetUtcNow() });
        if (await command.ExecuteNonQueryAsync() != 1)
            throw new InvalidOperationException("The demo organisation is missing: the sample connectors could not be registered.");
    }

    private async Task StartAsync(string system, Action<IServiceCollection> add)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        add(builder.Services);
        var host = builder.Build();
        hosts.Add(host);
        using var bound = new CancellationTokenSource(HostBound);
        try
        {
            await host.StartAsync(bound.Token);
        }
        catch (OperationCanceledException) when (bound.IsCancellationRequested)
        {
            throw new TimeoutException($"The sample {system} connector did not start (seed its schema, connect to the broker) " +
                $"within {HostBound.TotalMinutes:F0} minutes.");
        }
    }

    // Stops the services, then drops their database and deletes their queues (each tenant queue with its exchange).
    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts)
        {
            using (var bound = new CancellationTokenSource(HostBound))
                await host.StopAsync(bound.Token);
            host.Dispose();
        }
        if (ConnectionString is not null)
            await TestDatabase.DropAsync(ConnectionString);
        await BrokerCleanup.DeleteAsync([.. Names.Select(n => DsarConnectorSetup.QueueName("demo", n))]);
    }
}
