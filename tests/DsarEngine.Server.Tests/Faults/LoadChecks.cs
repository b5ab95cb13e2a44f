using System.Diagnostics;
using System.Text.Json.Nodes;
using Dapper;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Workflows.Journal;
using Npgsql;

namespace DsarEngine.Server.Tests.Faults;

// What must hold once a load has drained, however often nodes died under it: one request per submission, every workflow
// where it should be, journals that verify, no task done twice, nothing stuck in the outbox, the timers or the mail.
internal static class LoadChecks
{
    // A due timer, an outbox row or a mail may wait this long for a node to take it (poll, lease, backoff) and no longer.
    public static readonly TimeSpan StuckAfter = TimeSpan.FromSeconds(60);

    private const string ProgressSql = """
        SELECT count(*) FILTER (WHERE w.status = 'closed') AS closed,
               count(*) FILTER (WHERE w.status = 'waiting' AND w.waiting_for = 'connectors' AND r.reference = ANY(@Left)) AS left,
               (SELECT count(*) FROM outbox WHERE sent_at IS NULL AND dead_at IS NULL) AS unsent
        FROM workflow_instances w JOIN requests r ON r.id = w.request_id
        """;

    // Waits until every workflow is closed (or waits on the paper archive left to a person) and the outbox is empty.
    public static async Task<TimeSpan> WaitDrainedAsync(NodeCluster cluster, MixedLoad load, IReadOnlyList<PlannedSubmission> plan,
        TimeSpan limit)
    {
        var left = plan.Where(p => p.LeaveManual).SelectMany(p => load.Answers.GetValueOrDefault(p.Key) ?? []).Distinct().ToArray();
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            await using var c = new NpgsqlConnection(cluster.Database);
            var (closed, waiting, unsent) = await c.QuerySingleAsync<(long, long, long)>(ProgressSql, new { Left = left });
            if (closed + waiting == plan.Count && waiting == left.Length && unsent == 0)
                return watch.Elapsed;
            await Task.Delay(250);
        }
        Assert.Fail($"The load did not drain within {limit.TotalSeconds:0} s: {await DiagnoseAsync(cluster)}");
        return watch.Elapsed;
    }

    public static async Task<string> DiagnoseAsync(NodeCluster cluster)
    {
        await using var c = new NpgsqlConnection(cluster.Database);
        var rows = await c.QueryAsync<(string, string?, string?, long)>(
            "SELECT status, waiting_for, last_error, count(*) FROM workflow_instances GROUP BY 1, 2, 3");
        var outbox = await c.ExecuteScalarAsync<long>("SELECT count(*) FROM outbox WHERE sent_at IS NULL");
        var timers = await c.ExecuteScalarAsync<long>("SELECT count(*) FROM timers WHERE fired_at IS NULL AND due_at <= now()");
        return $"instances: {string.Join("; ", rows)}; unsent outbox: {outbox}; due timers: {timers}";
    }

    private const string EndedSql = """
        SELECT r.right_kind, w.status, w.state->>'outcome', count(*) FROM workflow_instances w JOIN requests r ON r.id = w.request_id
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        """;

    public static async Task AssertAsync(NodeCluster cluster, MixedLoad load, IReadOnlyList<PlannedSubmission> plan)
    {
        await using var c = new NpgsqlConnection(cluster.Database);
        // Where the load ended, by right: the test's output shows that every right was there and how each ended.
        foreach (var (right, status, outcome, count) in await c.QueryAsync<(string, string, string?, long)>(EndedSql))
            TestContext.Out.WriteLine($"{right}: {count} {status} ({outcome ?? "no outcome"})");
        var tenants = cluster.Tenants.Select(t => t.Tenant.Id).ToArray();
        var keys = plan.Select(p => p.Key).ToArray();
        var stored = (await c.QueryAsync<(string Key, Guid RequestId)>(
            "SELECT key, request_id FROM idempotency_keys WHERE tenant_id = ANY(@tenants) AND key = ANY(@keys)", new { tenants, keys }))
            .ToList();
        var requests = await c.ExecuteScalarAsync<long>("SELECT count(*) FROM requests WHERE tenant_id = ANY(@tenants)", new { tenants });
        var instances = (await c.QueryAsync<(string Reference, string Status, string? WaitingFor, string State)>("""
            SELECT r.reference, w.status, w.waiting_for, w.state::text FROM workflow_instances w JOIN requests r ON r.id = w.request_id
            """)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Where(p => !load.Answers.ContainsKey(p.Key)).Select(p => p.Key), Is.Empty, "a submission never accepted");
            Assert.That(load.Answers.Where(a => a.Value.Distinct().Count() != 1).Select(a => a.Key), Is.Empty,
                "a key answered with two references");
            Assert.That(stored.Select(s => s.Key), Is.EquivalentTo(keys), "one stored idempotency key per submission");
            Assert.That(stored.Select(s => s.RequestId).Distinct().Count(), Is.EqualTo(plan.Count), "one request per key");
            Assert.That(requests, Is.EqualTo(plan.Count), "no request beyond the submissions");
            foreach (var (reference, status, waitingFor, state) in instances)
                AssertWhereItShouldBe(load.Find(reference), reference, status, waitingFor, state);
        }
        await AssertJournalsAsync(c, plan.Count(p => !p.LeaveManual));
        await AssertNothingStuckAsync(c);
        await AssertNoTaskTwiceAsync(cluster);
    }

    // Closed, or (left to a person) waiting for the paper archive's task and for nothing else.
    private static void AssertWhereItShouldBe(PlannedSubmission? submission, string reference, string status, string? waitingFor,
        string state)
    {
        Assert.That(submission, Is.Not.Null, $"{reference}: a request the load did not submit");
        if (submission is not { LeaveManual: true })
        {
            Assert.That(status, Is.EqualTo("closed"), $"{reference} ({submission?.Right}) is {status} at {waitingFor}");
            return;
        }
        var open = JsonNode.Parse(state)!["tasks"]!.AsArray().Select(t => t!.AsObject())
            .Where(t => (string?)t["status"] is "sent" or "acknowledged" or "retrying").Select(t => (string?)t["connector"]).ToList();
        Assert.That((status, waitingFor), Is.EqualTo(("waiting", (string?)"connectors")), $"{reference} left to a person");
        Assert.That(open, Is.EqualTo(new[] { NodeCluster.PaperArchive }), $"{reference}: only the paper archive is open");
    }

    private static async Task AssertJournalsAsync(NpgsqlConnection c, int closedRequests)
    {
        var entries = (await c.QueryAsync<JournalEntry>(
            "SELECT tenant_id, request_id, seq, at, actor, kind, data::text AS data, prev_hash, hash FROM request_journal "
                + "ORDER BY request_id, seq")).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(entries.Count(e => e.Kind == "closed"), Is.EqualTo(closedRequests), "closed exactly once");
            foreach (var journal in entries.GroupBy(e => e.RequestId))
            {
                var list = journal.ToList();
                Assert.That(list.Select(e => e.Seq), Is.EqualTo(Enumerable.Range(1, list.Count)), "no gap or duplicate");
                Assert.That(JournalChain.FirstBroken(list), Is.Null, "the chain verifies");
                Assert.That(list.Count(e => e.Kind == "workflow-started"), Is.EqualTo(1), "started exactly once");
                // A reply delivered twice (a node died before its acknowledgement) is taken once.
                var answers = list.Where(e => e.Kind == JournalKinds.ConnectorCompleted)
                    .Select(e => JsonNode.Parse(e.Data)!).Select(d => $"{d["connector"]}/{d["action"]}").ToList();
                Assert.That(answers, Is.Unique, $"{journal.Key}: a connector's answer journaled twice");
            }
        }
    }

    private static async Task AssertNothingStuckAsync(NpgsqlConnection c)
    {
        var bound = new { Bound = StuckAfter };
        var (unsent, deadOutbox) = await c.QuerySingleAsync<(long, long)>(
            "SELECT count(*) FILTER (WHERE sent_at IS NULL AND dead_at IS NULL), count(*) FILTER (WHERE dead_at IS NOT NULL) FROM outbox");
        var timers = await c.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM timers WHERE fired_at IS NULL AND due_at < now() - @Bound", bound);
        var (mail, deadMail) = await c.QuerySingleAsync<(long, long)>("""
            SELECT count(*) FILTER (WHERE sent_at IS NULL AND dead_at IS NULL AND next_attempt_at < now() - @Bound),
                   count(*) FILTER (WHERE dead_at IS NOT NULL) FROM mail_messages
            """, bound);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(unsent, Is.Zero, "unsent outbox rows");
            Assert.That(deadOutbox, Is.Zero, "dead outbox rows");
            Assert.That(timers, Is.Zero, $"timers due more than {StuckAfter.TotalSeconds:0} s ago and not fired");
            Assert.That(mail, Is.Zero, $"mail due more than {StuckAfter.TotalSeconds:0} s ago and not sent");
            Assert.That(deadMail, Is.Zero, "dead mail");
        }
    }

    // Each system's log of the changes it made: a task made twice (the connector's dedupe failed), or the same change asked
    // under two tasks (the engine issued the work again as a new task), is a failure. A command delivered again and found
    // done is not in the log; the newsletter SaaS, which does not dedupe, lists a task called again: counted, allowed.
    private static async Task AssertNoTaskTwiceAsync(NodeCluster cluster)
    {
        await using var samples = new NpgsqlConnection(cluster.Systems.ConnectionString);
        var twice = new List<string>();
        foreach (var schema in new[] { "crm", "billing", "support" })
        {
            twice.AddRange(await samples.QueryAsync<string>(
                $"SELECT '{schema}: task ' || task_id FROM {schema}.executions GROUP BY task_id HAVING count(*) > 1"));
            twice.AddRange(await samples.QueryAsync<string>(
                $"SELECT '{schema}: ' || action || ' of ' || request_id || ' under two tasks' FROM {schema}.executions " +
                "GROUP BY request_id, action HAVING count(DISTINCT task_id) > 1"));
        }
        var saas = cluster.Saas.Faults.Worked;
        twice.AddRange(saas.GroupBy(w => (w.RequestId, w.Action)).Where(g => g.Select(w => w.TaskId).Distinct().Count() > 1)
            .Select(g => $"newsletter: {g.Key.Action} of {g.Key.RequestId} under two tasks"));
        List<IConnectorCommand> ads;
        lock (cluster.Ads.Received)
            ads = [.. cluster.Ads.Received];
        twice.AddRange(ads.GroupBy(a => (a.Task.RequestId, a.GetType().Name))
            .Where(g => g.Select(a => a.Task.TaskId).Distinct().Count() > 1)
            .Select(g => $"ads: {g.Key.Name} of {g.Key.RequestId} under two tasks"));
        var made = await samples.ExecuteScalarAsync<long>("SELECT (SELECT count(*) FROM crm.executions) "
            + "+ (SELECT count(*) FROM billing.executions) + (SELECT count(*) FROM support.executions)");
        TestContext.Out.WriteLine($"changes made by the sample systems: {made}; newsletter calls: {saas.Count} for "
            + $"{saas.Select(w => w.TaskId).Distinct().Count()} tasks; ad system commands: {ads.Count} for "
            + $"{ads.Select(a => a.Task.TaskId).Distinct().Count()} tasks");
        Assert.That(made, Is.Positive, "the sample systems made changes (the check would otherwise prove nothing)");
        Assert.That(twice, Is.Empty, "no task done twice");
    }
}
