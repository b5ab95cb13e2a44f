using System.Net;
using Dapper;
using DsarEngine.Server.Tests.TestData;
using Npgsql;

namespace DsarEngine.Server.Tests.Workflows;

// Several engines against one database and one broker; engines that were all down.
[NonParallelizable]
public sealed class SharedWorkTests
{
    private static Dictionary<string, string?> Auto(string folder, bool workers = true) => new()
    {
        ["Dsar:Runtime:DefinitionsPath"] = folder,
        ["Dsar:Runtime:Workers"] = workers ? "true" : "false",
        ["Dsar:Runtime:PollMilliseconds"] = "200",
    };

    private static async Task<(long Closed, long Journals, long ClosedEntries, long Started)> CountsAsync(EngineFactory engine)
    {
        await using var c = new NpgsqlConnection(engine.ConnectionString);
        return await c.QuerySingleAsync<(long, long, long, long)>("""
            SELECT (SELECT count(*) FROM workflow_instances WHERE status = 'closed'),
                   (SELECT count(DISTINCT request_id) FROM request_journal),
                   (SELECT count(*) FROM request_journal WHERE kind = 'closed'),
                   (SELECT count(*) FROM request_journal WHERE kind = 'workflow-started')
            """);
    }

    // What is stuck where, for a failure message that says more than a count.
    private static async Task<string> DiagnoseAsync(EngineFactory engine)
    {
        await using var c = new NpgsqlConnection(engine.ConnectionString);
        var rows = await c.QueryAsync<(string, string?, long)>(
            "SELECT status, waiting_for, count(*) FROM workflow_instances GROUP BY 1, 2");
        var outbox = await c.ExecuteScalarAsync<long>("SELECT count(*) FROM outbox WHERE sent_at IS NULL");
        var timers = await c.ExecuteScalarAsync<long>("SELECT count(*) FROM timers WHERE fired_at IS NULL AND due_at <= now()");
        var errors = await c.QueryAsync<string>("SELECT DISTINCT last_error FROM outbox WHERE last_error IS NOT NULL");
        return $"instances: {string.Join("; ", rows)}; unsent outbox: {outbox}; due timers: {timers}; "
            + $"outbox errors: {string.Join(" | ", errors)}";
    }

    private static async Task WaitAsync(EngineFactory engine, Func<(long Closed, long, long, long), bool> done)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!done(await CountsAsync(engine)) && watch.Elapsed < TimeSpan.FromSeconds(60))
            await Task.Delay(100);
    }

    [Test]
    public async Task Two_engines_share_the_work_without_doing_any_of_it_twice()
    {
        var folder = AutoDefinitions.CreateFolder();
        await using var first = await EngineFactory.StartAsync(Auto(folder));
        await using var second = EngineFactory.Join(first, Auto(folder));
        await using var connector = await StubConnector.StartAsync($"two-{Guid.NewGuid():N}"[..12]);
        var tenant = await TestTenant.CreateAsync(first);
        await connector.ServeAsync(tenant.Slug);
        await TestData.Workflows.RegisterConnectorAsync(first, tenant.Id, connector.Name, "export");
        var engines = new[] { first, second };
        var responses = await Task.WhenAll(Enumerable.Range(0, 40)
            .Select(i => engines[i % 2].CreateClient().SendAsync(Submissions.Post(Submissions.Valid(tenant.Slug)))));
        await WaitAsync(first, c => c.Closed == 40);
        var counts = await CountsAsync(first);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(responses.Select(r => r.StatusCode), Has.All.EqualTo(HttpStatusCode.Accepted));
            Assert.That(counts, Is.EqualTo((40L, 40L, 40L, 40L)), await DiagnoseAsync(first));
            Assert.That(connector.Received.Select(m => m.Task.TaskId).Distinct().Count(), Is.EqualTo(40));
        }
    }

    [Test]
    public async Task A_timer_that_fell_due_while_every_engine_was_down_fires_when_one_comes_back()
    {
        var folder = AutoDefinitions.CreateFolder();
        await using var down = await EngineFactory.StartAsync(Auto(folder, workers: false));
        var tenant = await TestTenant.CreateAsync(down);
        var response = await down.CreateClient().SendAsync(Submissions.Post(Submissions.Valid(tenant.Slug)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var before = await CountsAsync(down);

        await using var back = EngineFactory.Join(down, Auto(folder));
        await WaitAsync(back, c => c.Closed == 1);
        Assert.That(before.Started, Is.Zero, "nothing ran while no engine polled timers");
        Assert.That(await CountsAsync(back), Is.EqualTo((1L, 1L, 1L, 1L)));
    }
}
