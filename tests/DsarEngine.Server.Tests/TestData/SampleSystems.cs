using DsarEngine.Samples.BillingConnector;
using DsarEngine.Samples.Common;
using DsarEngine.Samples.CrmConnector;
using DsarEngine.Samples.SupportDeskConnector;
using DsarEngine.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DsarEngine.Server.Tests.TestData;

// The sample connector services, each in its own generic Host as it runs in production, on a fresh samples database
// and the real broker, under names unique to this run.
internal sealed class SampleSystems : IAsyncDisposable
{
    private readonly List<IHost> hosts = [];

    public string ConnectionString { get; private init; } = "";

    public string Crm { get; } = $"crm-{Guid.NewGuid():N}"[..12];

    public string Billing { get; } = $"billing-{Guid.NewGuid():N}"[..16];

    public string Support { get; } = $"support-{Guid.NewGuid():N}"[..16];

    // The services serve the organisations `tenants` only (each registered by it), on its own queues.
    // replyExchange: the engine's (its Dsar:Bus:EndpointPrefix + "dsar.replies"), for what the CRM reports unasked.
    public static async Task<SampleSystems> StartAsync(string[] tenants, bool crm = true, string replyExchange = "dsar.replies")
    {
        var systems = new SampleSystems { ConnectionString = await TestDatabase.CreateAsync("dsar_samples") };
        var broker = new Uri(TestDatabase.AmqpUrl);
        SampleSettings For(string name) => new(name, tenants, broker, systems.ConnectionString) { ReplyExchange = replyExchange };
        if (crm)
            await systems.StartAsync(s => s.AddCrmConnector(For(systems.Crm)));
        await systems.StartAsync(s => s.AddBillingConnector(For(systems.Billing)));
        await systems.StartAsync(s => s.AddSupportDeskConnector(For(systems.Support)));
        return systems;
    }

    private async Task StartAsync(Action<IServiceCollection> add)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        add(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        hosts.Add(host);
    }

    // A service of the first system that has one (e.g. the CRM's CrmChildScan).
    public T Service<T>() where T : notnull =>
        hosts.Select(h => h.Services.GetService(typeof(T))).OfType<T>().First();

    // Registers the systems as an admin would, with what each holds and may keep.
    public async Task RegisterAsync(HttpClient admin, bool crm = true)
    {
        if (crm)
            await RequestDriver.RegisterAsync(admin, Crm, new
            {
                displayName = "Sales CRM", actions = new[] { "locate", "export", "rectify", "erase", "stop-processing" },
                dataCategories = new[] { "contact-details", "contacts", "notes" },
            });
        await RequestDriver.RegisterAsync(admin, Billing, new
        {
            displayName = "Billing", actions = new[] { "locate", "export", "erase", "restrict", "lift-restriction" },
            dataCategories = new[] { "account", "invoices", "payment-methods" },
            retention = new[] { new { category = "invoices", legalBasis = "Code de commerce art. L123-22", period = "P10Y" } },
        });
        await RequestDriver.RegisterAsync(admin, Support, new
        {
            displayName = "Support desk", actions = new[] { "locate", "export", "rectify", "erase" },
            dataCategories = new[] { "support-tickets" },
        });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }
        await TestDatabase.DropAsync(ConnectionString);
    }
}
