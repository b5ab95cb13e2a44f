using System.Security.Cryptography;
using DsarEngine.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace DsarEngine.Server.Tests;

// The real engine (real PostgreSQL, real RabbitMQ) in-process. Each factory owns a fresh database.
internal sealed class EngineFactory(string connectionString, IDictionary<string, string?>? overrides = null, TimeProvider? time = null)
    : WebApplicationFactory<Program>
{
    public string ConnectionString { get; } = connectionString;

    public static async Task<EngineFactory> StartAsync(IDictionary<string, string?>? overrides = null, TimeProvider? time = null)
    {
        var factory = new EngineFactory(await TestDatabase.CreateAsync("dsar_srv"), overrides, time);
        _ = factory.Server; // builds the host: migrates, starts the bus
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Dsar:Database:ConnectionString"] = ConnectionString,
            ["Dsar:Bus:Url"] = TestDatabase.AmqpUrl,
            ["Dsar:Security:TokenKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Dsar:Intake:PublicPermitsPerMinute"] = "100000",
            ["Dsar:Intake:StatusPermitsPerMinute"] = "100000",
            ["Dsar:Intake:PublicBaseUrl"] = "http://localhost",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            settings[key] = value;
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (time is not null)
            builder.ConfigureTestServices(services => services.AddSingleton(time));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await TestDatabase.DropAsync(ConnectionString);
    }
}
