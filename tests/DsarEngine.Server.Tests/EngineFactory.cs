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
internal sealed class EngineFactory(string connectionString, IDictionary<string, string?>? overrides = null, TimeProvider? time = null,
    Action<IServiceCollection>? testServices = null)
    : WebApplicationFactory<Program>
{
    public string ConnectionString { get; } = connectionString;

    // The warnings this engine logged.
    public TestData.EngineLogs Logs { get; } = new();

    // Settings changed while the engine runs, such as the secrets provisioned for a test's own tenant.
    public TestData.RuntimeSettings Settings { get; } = new();

    // False for a second engine sharing another one's database: the owner drops it.
    public bool OwnsDatabase { get; init; } = true;

    // The server keys: engines sharing a database share them, as in production (tokens and sealed data must verify on all).
    public string TokenKey { get; init; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string DataKey { get; init; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static EngineFactory Join(EngineFactory owner, IDictionary<string, string?>? overrides = null)
    {
        var factory = new EngineFactory(owner.ConnectionString, overrides)
        {
            OwnsDatabase = false, TokenKey = owner.TokenKey, DataKey = owner.DataKey,
        };
        _ = factory.Server;
        return factory;
    }

    public static async Task<EngineFactory> StartAsync(IDictionary<string, string?>? overrides = null, TimeProvider? time = null,
        Action<IServiceCollection>? testServices = null)
    {
        var factory = new EngineFactory(await TestDatabase.CreateAsync("dsar_srv"), overrides, time, testServices);
        _ = factory.Server; // builds the host: migrates, starts the bus
        return factory;
    }

    // On a real Kestrel port instead of the test server: for what only a real server does (body size limits, sockets).
    public static async Task<EngineFactory> StartOnKestrelAsync(IDictionary<string, string?>? overrides = null, int port = 0)
    {
        var factory = new EngineFactory(await TestDatabase.CreateAsync("dsar_srv"), overrides);
        factory.UseKestrel(port);
        factory.StartServer();
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Dsar:Database:ConnectionString"] = ConnectionString,
            ["Dsar:Bus:Url"] = TestDatabase.AmqpUrl,
            // Engines of other tests share the broker: each database is its own cluster with its own reply queue.
            ["Dsar:Bus:EndpointPrefix"] = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString).Database + "-",
            ["Dsar:Security:TokenKey"] = TokenKey,
            ["Dsar:Security:DataKey"] = DataKey,
            ["Dsar:Intake:PublicPermitsPerMinute"] = "100000",
            ["Dsar:Intake:StatusPermitsPerMinute"] = "100000",
            // Tests share an engine and, through the test server, one client address: the edge budgets are the rate-limit tests' to set.
            ["Dsar:RateLimits:CodePermitsPerMinute"] = "100000",
            ["Dsar:RateLimits:CallbackPermitsPerMinute"] = "100000",
            ["Dsar:RateLimits:OpenDsrPermitsPerMinute"] = "100000",
            ["Dsar:RateLimits:TenantIntakePermitsPerMinute"] = "100000",
            ["Dsar:Intake:PublicBaseUrl"] = "http://localhost",
            // HTTP connectors: short timeouts so resilience tests run in seconds. Secrets are per tenant: tests provision
            // them for the tenants they create (Settings.ProvisionSecret).
            ["Dsar:Connectors:Http:TimeoutSeconds"] = "2",
            ["Dsar:Connectors:Http:PollIntervalMilliseconds"] = "100",
            // The simulators and listeners of the tests answer plain http on 127.0.0.1: allowed explicitly, as an operator
            // would, so that the engine's defaults stay the safe ones. A test overriding one of these with null removes it.
            ["Dsar:Egress:AllowHttp"] = "true",
            ["Dsar:Egress:AllowedNetworks:0"] = "127.0.0.0/8",
            ["Dsar:Egress:AllowedNetworks:1"] = "::1/128",
            // The retention purge would remove other tests' records dated long ago: its tests run it themselves (Retention/).
            ["Dsar:Retention:Enabled"] = "false",
        };
        // Every e-mail goes over SMTP to the mail catcher, where tests read it as the subject would.
        foreach (var (key, value) in TestData.MailCatcher.EngineSettings())
            settings[key] = value;
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            if (value is null)
                settings.Remove(key);
            else
                settings[key] = value;
        }
        builder.UseEnvironment("Testing");
        // Telemetry is wired while the host is built (TelemetrySetup reads its settings then), before the configuration
        // below is added: its settings go in as host settings, as command-line arguments would.
        foreach (var (key, value) in settings.Where(s => s.Key.StartsWith("Dsar:Telemetry:", StringComparison.Ordinal)))
            builder.UseSetting(key, value);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings).Add(Settings));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddProvider(Logs));
        // A FakeTimeProvider given here is the engine's whole clock: what waits on it (the mail loop, the OpenDSR callback
        // worker, HTTP connector polls, Polly's delays and timeouts) moves only when the test advances it.
        if (time is not null)
            builder.ConfigureTestServices(services => services.AddSingleton(time));
        if (testServices is not null)
            builder.ConfigureTestServices(testServices);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!OwnsDatabase)
            return;
        await TestDatabase.DropAsync(ConnectionString);
        // Connector replies are published: a reply queue left behind would receive every later test's replies.
        await BrokerCleanup.DeleteEngineQueuesAsync(new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString).Database + "-");
    }
}
