using System.Security.Cryptography;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Tests.Shared;
using Npgsql;

namespace DsarEngine.Server.Tests.Faults;

// One organisation of the load: a European one (the eight GDPR rights, the sample systems, the newsletter SaaS over HTTP and
// a paper archive a person works) or a Californian one (the two CCPA opt-outs, a stub ad system on the broker).
internal sealed record ClusterTenant(TestTenant Tenant, bool California);

// Engine nodes as separate processes (SIGKILL-able) sharing one database, one broker, one EndpointPrefix and the keys, as
// an operator runs them, with the real connectors attached. The organisations are set up first through an engine in
// this process (its stores and staff API), which is stopped before any node starts, so only the nodes do the work.
internal sealed class NodeCluster : IAsyncDisposable
{
    public const string PaperArchive = "paper-archive";

    // DSAR_FAULTS=full (eng/faults.sh) runs the full fault suites; otherwise their short versions run in the test command.
    public static bool Full => string.Equals(Environment.GetEnvironmentVariable("DSAR_FAULTS"), "full", StringComparison.OrdinalIgnoreCase);
    public const string Newsletter = "newsletter";

    private readonly Dictionary<string, string> settings;
    private readonly List<EngineProcess?> nodes = [];
    private readonly List<Uri> addresses = [];
    private readonly Lock gate = new();

    public string Database { get; }

    public string Prefix { get; }

    public SampleSystems Systems { get; }

    public NewsletterService Saas { get; }

    public StubConnector Ads { get; }

    public IReadOnlyList<ClusterTenant> Tenants { get; private set; } = [];

    // What the test changed from the engine's defaults, for the bound a takeover is held to.
    public TimeSpan Poll { get; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan HttpTimeout { get; } = TimeSpan.FromSeconds(5);

    public TimeSpan MailTimeout { get; } = TimeSpan.FromSeconds(5);

    private NodeCluster(string database, SampleSystems systems, NewsletterService saas, StubConnector ads)
    {
        (Database, Systems, Saas, Ads) = (database, systems, saas, ads);
        Prefix = new NpgsqlConnectionStringBuilder(database).Database + "-";
        settings = new Dictionary<string, string>
        {
            ["Dsar:Database:ConnectionString"] = database,
            ["Dsar:Bus:Url"] = TestDatabase.AmqpUrl,
            ["Dsar:Bus:EndpointPrefix"] = Prefix,
            ["Dsar:Security:TokenKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Dsar:Security:DataKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            // Durability and the sharing of work, not the PDF renderer: a renderer killed mid-render has its own fault test.
            ["Dsar:Packs:Render"] = "false",
            ["Dsar:Intake:PublicPermitsPerMinute"] = "1000000",
            ["Dsar:Intake:StatusPermitsPerMinute"] = "1000000",
            ["Dsar:RateLimits:TenantIntakePermitsPerMinute"] = "1000000",
            ["Dsar:Runtime:PollMilliseconds"] = Text(Poll.TotalMilliseconds),
            ["Dsar:Connectors:Http:TimeoutSeconds"] = Text(HttpTimeout.TotalSeconds),
            ["Dsar:Mail:TimeoutSeconds"] = Text(MailTimeout.TotalSeconds),
            ["Dsar:Retention:Enabled"] = "false",
        };
    }

    private static string Text(double value) => ((int)value).ToString(System.Globalization.CultureInfo.InvariantCulture);

    // sets: how many pairs of organisations (one European, one Californian) to set up.
    public static async Task<NodeCluster> StartAsync(int sets)
    {
        var european = Enumerable.Range(0, sets).Select(_ => $"eu-{Guid.NewGuid():N}"[..14]).ToList();
        var californian = Enumerable.Range(0, sets).Select(_ => $"ca-{Guid.NewGuid():N}"[..14]).ToList();
        var database = await TestDatabase.CreateAsync("dsar_nodes");
        var cluster = new NodeCluster(database, await SampleSystems.StartAsync([.. european]), await NewsletterService.StartAsync(),
            await StubConnector.StartAsync($"ads-{Guid.NewGuid():N}"[..14]));
        foreach (var slug in californian)
            await cluster.Ads.ServeAsync(slug);
        await using var setup = new EngineFactory(database, new Dictionary<string, string?> { ["Dsar:Runtime:Workers"] = "false" })
        {
            OwnsDatabase = false,
            TokenKey = cluster.settings["Dsar:Security:TokenKey"],
            DataKey = cluster.settings["Dsar:Security:DataKey"],
        };
        _ = setup.Server;
        var tenants = new List<ClusterTenant>();
        foreach (var slug in european)
            tenants.Add(await cluster.EuropeanAsync(setup, slug));
        foreach (var slug in californian)
        {
            var tenant = await TestTenant.CreateAsync(setup, jurisdiction: "US-CA", name: "Pacific Shop Inc.", slug: slug,
                timeZone: "America/Los_Angeles");
            await TestData.Workflows.RegisterConnectorAsync(setup, tenant.Id, cluster.Ads.Name, "stop-sale-sharing", "limit-sensitive-use");
            tenants.Add(new ClusterTenant(tenant, California: true));
        }
        cluster.Tenants = tenants;
        return cluster;
    }

    // The three sample systems on the broker, the newsletter SaaS over HTTP (its secret provisioned for every node) and the
    // paper archive, a manual connector: a person completes its erasure task through the staff API.
    private async Task<ClusterTenant> EuropeanAsync(EngineFactory setup, string slug)
    {
        var tenant = await TestTenant.CreateAsync(setup, slug: slug);
        var admin = tenant.Staff(setup, "admin");
        await Systems.RegisterAsync(admin);
        Saas.Provision(setup, tenant);
        settings[$"Dsar:Connectors:Secrets:{slug}:{HttpSecret.Ref}:Value"] = HttpSecret.Value;
        settings[$"Dsar:Connectors:Secrets:{slug}:{HttpSecret.Ref}:Endpoints:0"] = Saas.Url.ToString();
        await RequestDriver.RegisterAsync(admin, Newsletter, Saas.Registration("export", "erase", "stop-processing"));
        await RequestDriver.RegisterAsync(admin, PaperArchive,
            new { kind = "manual", actions = new[] { "erase" }, displayName = "Paper archive" });
        return new ClusterTenant(tenant, California: false);
    }

    public int Count => nodes.Count;

    // Starts n more nodes side by side (their start-ups overlap, as an operator's would).
    public async Task AddNodesAsync(int n)
    {
        var started = await Task.WhenAll(Enumerable.Range(0, n).Select(_ => EngineProcess.StartAsync(settings)));
        lock (gate)
        {
            nodes.AddRange(started);
            addresses.AddRange(started.Select(n => n.BaseAddress));
        }
    }

    // SIGKILL: no shutdown, no acknowledgement, no commit of what it held.
    public async Task KillAsync(int index)
    {
        EngineProcess? node;
        lock (gate)
            (node, nodes[index]) = (nodes[index], null);
        if (node is null)
            return;
        node.Kill();
        await node.DisposeAsync();
    }

    public async Task RestartAsync(int index)
    {
        var node = await EngineProcess.StartAsync(settings);
        lock (gate)
            (nodes[index], addresses[index]) = (node, node.BaseAddress);
    }

    // Stops every node (SIGKILL too: nothing of the test depends on a graceful stop).
    public async Task StopNodesAsync()
    {
        for (var i = 0; i < nodes.Count; i++)
            await KillAsync(i);
        lock (gate)
        {
            nodes.Clear();
            addresses.Clear();
        }
    }

    // Every node's address, a dead one's too until it is started again (on a new port): as a load balancer that has not yet
    // noticed, clients keep calling a dead node, fail, and send again elsewhere.
    public IReadOnlyList<Uri> Addresses()
    {
        lock (gate)
            return [.. addresses];
    }

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var c = new NpgsqlConnection(Database);
        return await Dapper.SqlMapper.ExecuteScalarAsync<T>(c, sql, parameters) ?? throw new InvalidOperationException(sql);
    }

    public async ValueTask DisposeAsync()
    {
        await StopNodesAsync();
        await Systems.DisposeAsync();
        await Saas.DisposeAsync();
        await Ads.DisposeAsync();
        await TestDatabase.DropAsync(Database);
        await BrokerCleanup.DeleteEngineQueuesAsync(Prefix);
    }
}
