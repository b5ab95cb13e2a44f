using System.Security.Cryptography;
using DsarEngine.Server;
using DsarEngine.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DsarEngine.Benchmarks;

// The real engine, built as Program.cs builds it, on Kestrel with a real loopback socket (not a test server),
// so a submission pays for TCP, HTTP parsing, the middleware and the JSON reader like a deployed one.
internal static class EngineHost
{
    public static async Task<(WebApplication App, Uri Address)> StartAsync(
        string[] args, string connectionString, string endpointPrefix, string? definitionsPath = null)
    {
        // Named as the engine's own host is: the inbox's MapStaticAssets reads `<application>.staticwebassets.endpoints.json`,
        // and only the engine's (DsarEngine.Server's) is built; under the benchmark's name start-up fails.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args, ContentRootPath = AppContext.BaseDirectory, ApplicationName = typeof(EngineSetup).Assembly.GetName().Name,
        });
        var settings = new Dictionary<string, string?>
        {
            ["Dsar:Database:ConnectionString"] = connectionString,
            ["Dsar:Bus:Url"] = TestDatabase.AmqpUrl,
            // Each run has its own queues, so a run never consumes another engine's replies.
            ["Dsar:Bus:EndpointPrefix"] = endpointPrefix,
            ["Dsar:Security:TokenKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Dsar:Security:DataKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            // This measures the workflow engine's durability and throughput, not the PDF renderer (tested on its own).
            ["Dsar:Packs:Render"] = "false",
            // The per-client limit (20/min by default) would refuse almost every submission from one client.
            ["Dsar:Intake:PublicPermitsPerMinute"] = "1000000",
            // Likewise the one organisation's budget over all its clients (300/min by default).
            ["Dsar:RateLimits:TenantIntakePermitsPerMinute"] = "1000000",
            ["Dsar:Demo:Seed"] = "true",
            // The demo organisation, without its sample requests (not all rights are served by a benchmark's definitions).
            ["Dsar:Demo:SampleRequests"] = "0",
            // appsettings.json logs the engine's own categories at Information: console output would be timed with the work.
            ["Logging:LogLevel:Default"] = "Warning",
        };
        // Dsar:Intake:PublicBaseUrl keeps its default: only links in e-mails use it, and the port is not known
        // before Kestrel binds. Without a definitions folder the engine runs the shipped workflows/.
        if (definitionsPath is not null)
            settings["Dsar:Runtime:DefinitionsPath"] = definitionsPath;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddDsarEngine();
        var app = builder.Build();
        await app.PrepareAsync();
        app.UseDsarEngine();
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        var address = addresses?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started without reporting the address it is bound to.");
        return (app, new Uri(address));
    }
}
