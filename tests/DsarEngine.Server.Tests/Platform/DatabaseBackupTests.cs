using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Dapper;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Tests.Shared;
using DsarEngine.Workflows.Journal;
using Npgsql;

namespace DsarEngine.Server.Tests.Platform;

// docs/operations.md, "Backup and restore": pg_dump taken while requests arrive and workflows move, restored with pg_restore
// into a new database, an engine started on it. Every request whose 202 reached its client before the dump began is there,
// with its journal verifying, every decision answered before then too, and the restored engine carries on: the open
// workflows close, new requests are taken. DSAR_FAULTS=full runs a longer, heavier load.
[NonParallelizable]
public sealed class DatabaseBackupTests
{
    private const string Definition = """
        { "$schema": "./definition.schema.json", "id": "access-backup", "version": 1, "rights": ["access"],
          "clock": { "remindDaysBefore": [7], "escalateDaysAfter": 0 },
          "steps": [ { "id": "assess", "type": "assess" }, { "id": "deliver", "type": "deliver" }, { "id": "close", "type": "close" } ] }
        """;

    private static bool Full => Environment.GetEnvironmentVariable("DSAR_FAULTS") == "full";

    [Test]
    public async Task A_dump_taken_under_load_restores_every_request_answered_before_it_and_the_engine_runs_on()
    {
        var folder = Directory.CreateTempSubdirectory("dsar-defs").FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "workflows", "definition.schema.json"),
            Path.Combine(folder, "definition.schema.json"));
        File.WriteAllText(Path.Combine(folder, "access-backup.json"), Definition);
        var dump = Path.Combine(folder, "dsar.dump");
        var settings = new Dictionary<string, string?>
        {
            ["Dsar:Runtime:DefinitionsPath"] = folder, ["Dsar:Runtime:PollMilliseconds"] = "200", ["Dsar:Packs:Render"] = "false",
        };
        var source = await EngineFactory.StartAsync(settings);
        var sourceRunning = true;
        EngineFactory? restored = null;
        try
        {
            var tenant = await TestTenant.CreateAsync(source);
            var accepted = new ConcurrentDictionary<string, long>();
            var decided = new ConcurrentDictionary<string, long>();
            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, Full ? 6 : 3).Select(_ => SubmitAsync(source, tenant, accepted, stop.Token))
                .Append(DecideAsync(tenant.Staff(source, "privacy-officer"), accepted, decided, stop.Token)).ToList();
            await WaitUntilAsync(() => decided.Count >= (Full ? 200 : 20), "decisions under load before the dump");

            // The backup, while submissions and decisions go on. Everything answered before this instant was committed.
            var dumpStarted = Stopwatch.GetTimestamp();
            var dumped = await ToolProcess.RunAsync(ToolProcess.PostgresTool("pg_dump"),
                ["--format=custom", $"--file={dump}", "--no-owner"], ToolProcess.PostgresEnvironment(source.ConnectionString));
            var dumpEnded = Stopwatch.GetTimestamp();
            stop.Cancel();
            await Task.WhenAll(load);
            Assert.That(dumped.ExitCode, Is.Zero, dumped.Output);
            var before = accepted.Where(a => a.Value < dumpStarted).Select(a => a.Key).ToList();
            var decidedBefore = decided.Where(d => d.Value < dumpStarted).Select(d => d.Key).ToList();
            var during = accepted.Count(a => a.Value > dumpStarted && a.Value < dumpEnded);

            // The restore: a new, empty database, as after losing the old one; the engine on it with the same keys.
            var target = await TestDatabase.CreateAsync("dsar_restored");
            var restoredRun = await ToolProcess.RunAsync(ToolProcess.PostgresTool("pg_restore"),
                ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", $"--dbname={Database(target)}", dump],
                ToolProcess.PostgresEnvironment(target));
            Assert.That(restoredRun.ExitCode, Is.Zero, restoredRun.Output);
            sourceRunning = false;
            await source.DisposeAsync();
            restored = new EngineFactory(target, settings) { TokenKey = source.TokenKey, DataKey = source.DataKey };
            _ = restored.Server;
            var staff = tenant.Staff(restored, "privacy-officer");

            var missing = new List<string>();
            foreach (var reference in before)
            {
                var journal = await staff.GetAsync($"/api/v1/staff/requests/{reference}/journal");
                if (journal.StatusCode != HttpStatusCode.OK || (bool?)(await journal.ReadObjectAsync())["verified"] != true)
                    missing.Add(reference);
            }
            var decisionsLost = await NotClosedAsync(target, decidedBefore);

            // The restored engine runs on: what was open closes, a new request is taken and closes too.
            var fresh = (string)(await (await restored.CreateClient().SendAsync(Submissions.Post(Submissions.Valid(tenant.Slug))))
                .ReadObjectAsync())["reference"]!;
            await DecideAllAsync(staff, target);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(before, Has.Count.GreaterThanOrEqualTo(Full ? 200 : 20), "requests answered before the dump");
                Assert.That(during, Is.Positive, "requests kept arriving while the dump ran");
                Assert.That(missing, Is.Empty, "answered (202) before the dump began, yet missing or unverified after the restore");
                Assert.That(decisionsLost, Is.Empty, "decided (200) before the dump began, yet not closed after the restore");
                await AssertAllClosedAndVerifiedAsync(target, fresh);
            }
        }
        finally
        {
            if (sourceRunning)
                await source.DisposeAsync();
            if (restored is not null)
                await restored.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task SubmitAsync(EngineFactory engine, TestTenant tenant, ConcurrentDictionary<string, long> accepted,
        CancellationToken stop)
    {
        using var client = engine.CreateClient();
        while (!stop.IsCancellationRequested)
        {
            var response = await client.SendAsync(Submissions.Post(Submissions.Valid(tenant.Slug)), CancellationToken.None);
            if (response.StatusCode == HttpStatusCode.Accepted)
                accepted[(string)(await response.ReadObjectAsync())["reference"]!] = Stopwatch.GetTimestamp();
        }
    }

    // A person deciding as requests reach their assessment: a decision that is not possible yet is tried again later.
    private static async Task DecideAsync(HttpClient staff, ConcurrentDictionary<string, long> accepted,
        ConcurrentDictionary<string, long> decided, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            foreach (var reference in accepted.Keys.Where(r => !decided.ContainsKey(r)).Take(20).ToList())
            {
                var response = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions",
                    new { step = "assess", outcome = "proceed" }, CancellationToken.None);
                if (response.StatusCode == HttpStatusCode.OK)
                    decided[reference] = Stopwatch.GetTimestamp();
            }
            try { await Task.Delay(50, stop); } catch (OperationCanceledException) { }
        }
    }

    private static async Task DecideAllAsync(HttpClient staff, string database)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(Full ? 300 : 120))
        {
            await using var c = new NpgsqlConnection(database);
            var open = (await c.QueryAsync<string>("""
                SELECT r.reference FROM workflow_instances w JOIN requests r ON r.id = w.request_id WHERE w.status <> 'closed'
                """)).ToList();
            if (open.Count == 0)
                return;
            foreach (var reference in open)
                await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions", new { step = "assess", outcome = "proceed" });
            await Task.Delay(200);
        }
    }

    private static async Task<List<string>> NotClosedAsync(string database, List<string> references)
    {
        await using var c = new NpgsqlConnection(database);
        var closed = (await c.QueryAsync<string>("""
            SELECT r.reference FROM requests r JOIN workflow_instances w ON w.request_id = r.id
            WHERE r.reference = ANY(@references) AND w.status = 'closed'
            """, new { references })).ToHashSet();
        return [.. references.Where(r => !closed.Contains(r))];
    }

    private static async Task AssertAllClosedAndVerifiedAsync(string database, string fresh)
    {
        await using var c = new NpgsqlConnection(database);
        var open = await c.ExecuteScalarAsync<long>("SELECT count(*) FROM workflow_instances WHERE status <> 'closed'");
        var freshClosed = await c.ExecuteScalarAsync<bool>("""
            SELECT w.status = 'closed' FROM workflow_instances w JOIN requests r ON r.id = w.request_id WHERE r.reference = @fresh
            """, new { fresh });
        var entries = (await c.QueryAsync<JournalEntry>(
            "SELECT tenant_id, request_id, seq, at, actor, kind, data::text AS data, prev_hash, hash FROM request_journal "
                + "ORDER BY request_id, seq")).ToList();
        var broken = entries.GroupBy(e => e.RequestId).Where(g => JournalChain.FirstBroken(g.ToList()) is not null).ToList();
        var closedTwice = entries.GroupBy(e => e.RequestId).Count(g => g.Count(e => e.Kind == "closed") != 1);
        Assert.That(open, Is.Zero, "every workflow of the restored database closed on the restored engine");
        Assert.That(freshClosed, Is.True, "a request made after the restore ran to its end");
        Assert.That(broken, Is.Empty, "journals whose hash chain does not verify after the restore");
        Assert.That(closedTwice, Is.Zero, "every request closed exactly once");
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(Full ? 300 : 120))
                Assert.Fail($"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }

    private static string Database(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Database!;
}
