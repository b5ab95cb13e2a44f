using System.Net;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Platform;

public sealed class HealthTests
{
    [Test]
    public async Task Ready_reports_postgresql_and_the_broker_healthy()
    {
        var client = SharedEngine.Engine.CreateClient();
        // The bus connects in the background; readiness is what says when it has (polled, bounded, no sleep-and-hope).
        JsonObject report = [];
        HttpStatusCode status = default;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var response = await client.GetAsync("/health/ready");
            (status, report) = (response.StatusCode, await response.ReadObjectAsync());
            if (status == HttpStatusCode.OK)
                break;
            await Task.Delay(100);
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), report.ToJsonString());
            Assert.That((string)report["checks"]!["postgresql"]!["status"]!, Is.EqualTo("Healthy"));
            Assert.That(report["checks"]!.AsObject().Select(c => c.Key), Has.Some.Contains("masstransit"));
        }
    }

    // L3: intake, status, identity and downloads need only PostgreSQL; what goes on the bus waits in the outbox. A
    // load balancer that follows /health/ready keeps the engine while the broker is away; /health/broker tells monitoring.
    [Test]
    public async Task Ready_stays_up_and_intake_works_while_the_broker_is_unreachable_which_broker_health_reports()
    {
        await using var gate = BrokerGate.Open();
        gate.Close();
        await using var engine = await EngineFactory.StartAsync(new Dictionary<string, string?> { ["Dsar:Bus:Url"] = gate.Url.ToString() });
        var client = engine.CreateClient();
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        HttpResponseMessage broker;
        while ((broker = await client.GetAsync("/health/broker")).StatusCode != HttpStatusCode.ServiceUnavailable
            && deadline.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(100);
        var ready = await client.GetAsync("/health/ready");
        var report = await ready.ReadObjectAsync();
        var tenant = await TestTenant.CreateAsync(engine);
        var submitted = await client.SendAsync(Submissions.Post(Submissions.Valid(tenant.Slug)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(broker.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), report.ToJsonString());
            Assert.That((string)report["checks"]!["postgresql"]!["status"]!, Is.EqualTo("Healthy"));
            Assert.That((string)report["checks"]!["masstransit-bus"]!["status"]!, Is.EqualTo("Degraded"),
                "the broker is reported, not hidden");
            Assert.That(submitted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        }
    }

    [Test]
    public async Task Live_answers_without_touching_dependencies()
    {
        var response = await SharedEngine.Engine.CreateClient().GetAsync("/health/live");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.ReadObjectAsync())["checks"]!.AsObject(), Is.Empty);
    }

    [Test]
    public async Task Ready_fails_when_postgresql_is_gone()
    {
        await using var engine = await EngineFactory.StartAsync();
        var database = new Npgsql.NpgsqlConnectionStringBuilder(engine.ConnectionString).Database;
        // Refuse new connections and cut the open ones: to the engine, the database is gone.
        await Rows.AdminAsync($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS false");
        await Rows.AdminAsync(
            $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND usename = current_user");
        try
        {
            var response = await engine.CreateClient().GetAsync("/health/ready");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That((string)(await response.ReadObjectAsync())["checks"]!["postgresql"]!["status"]!, Is.EqualTo("Unhealthy"));
        }
        finally
        {
            await Rows.AdminAsync($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS true");
        }
    }
}
