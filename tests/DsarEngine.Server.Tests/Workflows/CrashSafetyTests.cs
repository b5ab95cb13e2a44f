using System.Security.Cryptography;
using Dapper;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Tests.Shared;
using DsarEngine.Workflows.Journal;
using Npgsql;

namespace DsarEngine.Server.Tests.Workflows;

// An engine process is killed with SIGKILL at random points while 200 requests are in flight, and started
// again each time. Every request must complete exactly once, with a journal that has no gap or duplicate.
[NonParallelizable]
public sealed class CrashSafetyTests
{
    private const int Requests = 200;

    [Test]
    public async Task Killing_the_engine_at_random_points_loses_and_duplicates_nothing()
    {
        var database = await TestDatabase.CreateAsync("dsar_crash");
        var definitions = new DirectoryInfo(AutoDefinitions.CreateFolder());
        var settings = new Dictionary<string, string>
        {
            ["Dsar:Database:ConnectionString"] = database,
            ["Dsar:Bus:Url"] = TestDatabase.AmqpUrl,
            ["Dsar:Bus:EndpointPrefix"] = new NpgsqlConnectionStringBuilder(database).Database + "-",
            ["Dsar:Security:TokenKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Dsar:Security:DataKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            // This measures the workflow engine's durability and throughput, not the PDF renderer (tested on its own).
            ["Dsar:Packs:Render"] = "false",
            ["Dsar:Intake:PublicPermitsPerMinute"] = "1000000",
            ["Dsar:Runtime:DefinitionsPath"] = definitions.FullName,
            ["Dsar:Runtime:PollMilliseconds"] = "200",
        };
        var random = new Random(20251122);
        EngineProcess engine = await EngineProcess.StartAsync(settings);
        await using var connector = await StubConnector.StartAsync($"crash-{Guid.NewGuid():N}"[..14]);
        try
        {
            var tenant = await SeedTenantAsync(database, connector.Name);
            await connector.ServeAsync(tenant);
            var keys = Enumerable.Range(0, Requests).Select(i => $"crash-test-{i:D4}-{Guid.NewGuid():N}").ToList();
            var pending = new Queue<string>(keys);
            var kills = 0;
            while (pending.Count > 0 || await OpenAsync(database) > 0)
            {
                // Submit a burst (retrying with the same key after a crash), then kill at a random moment.
                using var client = new HttpClient { BaseAddress = engine.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
                var burst = Enumerable.Range(0, Math.Min(pending.Count, random.Next(20, 60))).Select(_ => pending.Dequeue()).ToList();
                var failed = await SubmitAsync(client, tenant, burst);
                foreach (var key in failed)
                    pending.Enqueue(key);
                if (kills < 8 && pending.Count + await OpenAsync(database) > 0)
                {
                    await Task.Delay(random.Next(0, 1500));
                    engine.Kill();
                    kills++;
                    await engine.DisposeAsync();
                    engine = await EngineProcess.StartAsync(settings);
                }
                else
                {
                    await WaitForAllClosedAsync(database, TimeSpan.FromSeconds(60));
                }
            }
            await AssertExactlyOnceAsync(database, kills);
        }
        finally
        {
            await engine.DisposeAsync();
            definitions.Delete(recursive: true);
            await TestDatabase.DropAsync(database);
            await BrokerCleanup.DeleteEngineQueuesAsync(new NpgsqlConnectionStringBuilder(database).Database + "-");
        }
    }

    private static async Task<List<string>> SubmitAsync(HttpClient client, string tenant, List<string> keys)
    {
        var failed = new List<string>();
        foreach (var key in keys)
        {
            try
            {
                var response = await client.SendAsync(Submissions.Post(Submissions.Valid(tenant), key));
                if (response.StatusCode != System.Net.HttpStatusCode.Accepted)
                    failed.Add(key);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                failed.Add(key);
            }
        }
        return failed;
    }

    private static async Task<string> SeedTenantAsync(string database, string connector)
    {
        await using var c = new NpgsqlConnection(database);
        var slug = $"crash-{Guid.NewGuid():N}"[..14];
        var id = Guid.NewGuid();
        await c.ExecuteAsync("""
            INSERT INTO tenants (id, slug, name, jurisdiction, time_zone, created_at)
            VALUES (@id, @slug, 'Crash SA', 'FR', 'Europe/Paris', now());
            INSERT INTO connectors (tenant_id, name, actions, bus_user, created_at) VALUES (@id, @connector, '{export}', @user, now());
            """, new { id, slug, connector, user = TestBus.User });
        return slug;
    }

    private static async Task<long> OpenAsync(string database)
    {
        await using var c = new NpgsqlConnection(database);
        return await c.ExecuteScalarAsync<long>("SELECT count(*) FROM workflow_instances WHERE status <> 'closed'");
    }

    private static async Task WaitForAllClosedAsync(string database, TimeSpan limit)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (await OpenAsync(database) > 0 && watch.Elapsed < limit)
            await Task.Delay(200);
    }

    private static async Task AssertExactlyOnceAsync(string database, int kills)
    {
        await using var c = new NpgsqlConnection(database);
        var requests = await c.ExecuteScalarAsync<long>("SELECT count(*) FROM requests");
        var closed = await c.ExecuteScalarAsync<long>("SELECT count(*) FROM workflow_instances WHERE status = 'closed'");
        var entries = (await c.QueryAsync<JournalEntry>(
            "SELECT tenant_id, request_id, seq, at, actor, kind, data::text AS data, prev_hash, hash FROM request_journal "
                + "ORDER BY request_id, seq")).ToList();
        var byRequest = entries.GroupBy(e => e.RequestId).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(kills, Is.GreaterThanOrEqualTo(3), "the engine should have been killed several times");
            Assert.That(requests, Is.EqualTo(Requests), "one request per idempotency key");
            Assert.That(closed, Is.EqualTo(Requests), "every workflow closed");
            Assert.That(byRequest, Has.Count.EqualTo(Requests));
            foreach (var journal in byRequest)
            {
                var list = journal.ToList();
                Assert.That(list.Select(e => e.Seq), Is.EqualTo(Enumerable.Range(1, list.Count)), "no gap or duplicate");
                Assert.That(JournalChain.FirstBroken(list), Is.Null);
                Assert.That(list.Count(e => e.Kind == "closed"), Is.EqualTo(1), "closed exactly once");
                Assert.That(list.Count(e => e.Kind == "workflow-started"), Is.EqualTo(1), "started exactly once");
            }
        }
    }
}
