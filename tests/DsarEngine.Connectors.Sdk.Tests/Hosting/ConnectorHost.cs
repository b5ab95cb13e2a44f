using DsarEngine.Tests.Shared;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DsarEngine.Connectors.Sdk.Tests.Hosting;

// A connector service as an author writes it: a generic Host with AddDsarConnector, under a name of its own.
internal sealed class ConnectorHost : IAsyncDisposable
{
    private readonly IHost host;

    private ConnectorHost(IHost host, string name, CapturedLogs logs) => (this.host, Name, Logs) = (host, name, logs);

    public string Name { get; }

    public CapturedLogs Logs { get; }

    // The tenant every command of Commands names: the connector serves it.
    public const string Tenant = "acme";

    public static async Task<ConnectorHost> StartAsync(HandlerScript script, Action<DsarConnectorOptions>? adjust = null)
    {
        var name = $"sdk-test-{Guid.NewGuid().ToString("N")[..8]}";
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var logs = new CapturedLogs();
        builder.Logging.SetMinimumLevel(LogLevel.Debug).AddProvider(logs);
        builder.Services.AddSingleton(script);
        builder.Services.AddDsarConnector<TestHandlers>(o =>
        {
            o.Name = name;
            o.Tenants.Add(Tenant);
            o.Broker = new Uri(TestDatabase.AmqpUrl);
            adjust?.Invoke(o);
        });
        // The test sends as soon as StartAsync returns: the receive endpoint must be listening by then.
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        var host = new ConnectorHost(builder.Build(), name, logs);
        using var starting = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.host.StartAsync(starting.Token);
        return host;
    }

    public Task SendAsync(Contracts.IConnectorCommand command, Uri? responseAddress = null, Guid? messageId = null) =>
        ReplyBus.SendAsync(DsarConnectorSetup.QueueName(Tenant, Name), command, responseAddress, messageId);

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        await Broker.DeleteAsync(DsarConnectorSetup.QueueName(Tenant, Name));
    }
}
