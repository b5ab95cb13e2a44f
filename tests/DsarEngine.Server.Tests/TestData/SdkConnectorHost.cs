using DsarEngine.Connectors;
using DsarEngine.Tests.Shared;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DsarEngine.Server.Tests.TestData;

// A connector service built on the SDK, as an organisation would run one: its own host on the real broker, serving one
// organisation, with 1 KiB export chunks so that even a small export travels in several.
internal static class SdkConnectorHost
{
    public static async Task<IHost> StartAsync<THandlers>(string name, string tenant) where THandlers : class
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDsarConnector<THandlers>(o =>
        {
            o.Name = name;
            o.Tenants.Add(tenant);
            o.Broker = new Uri(TestDatabase.AmqpUrl);
            o.ChunkBytes = 1024;
        });
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
