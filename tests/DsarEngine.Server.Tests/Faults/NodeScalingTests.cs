using System.Diagnostics;
using System.Globalization;
using Dapper;
using Npgsql;

namespace DsarEngine.Server.Tests.Faults;

// One, two and three engine nodes against one database and one broker carry the same mixed load (each its own pair of
// organisations), nothing doubles, and the throughput per node count is printed (docs/performance.md, "Nodes"). A node
// killed while it holds work hands it to the other within a bound derived from the settings (docs/operations.md).
[Category("Faults")]
[NonParallelizable]
public sealed class NodeScalingTests
{
    [Test]
    public async Task One_two_and_three_nodes_carry_the_same_load_and_nothing_doubles()
    {
        var perPhase = NodeCluster.Full ? 80 : 20;
        await using var cluster = await NodeCluster.StartAsync(sets: 3);
        var load = new MixedLoad(cluster);
        var plan = new List<PlannedSubmission>();
        var table = new List<string> { "| nodes | requests | seconds | requests/s |", "| ---: | ---: | ---: | ---: |" };
        using var stop = new CancellationTokenSource();
        var staff = load.DriveAsync(stop.Token);
        for (var nodes = 1; nodes <= 3; nodes++)
        {
            await cluster.StopNodesAsync();
            await cluster.AddNodesAsync(nodes);
            var set = cluster.Tenants.Where((_, i) => i == nodes - 1 || i == nodes + 2).ToList();
            var phase = MixedLoad.Plan(set, perPhase, leave: 0, seed: 100 + nodes);
            plan.AddRange(phase);
            var watch = Stopwatch.StartNew();
            await load.SubmitAllAsync(phase, TimeSpan.Zero, CancellationToken.None);
            await LoadChecks.WaitDrainedAsync(cluster, load, plan, TimeSpan.FromSeconds(NodeCluster.Full ? 300 : 120));
            table.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {nodes} | {perPhase} | {watch.Elapsed.TotalSeconds:0.0} | {perPhase / watch.Elapsed.TotalSeconds:0.00} |"));
        }
        await stop.CancelAsync();
        await staff;
        foreach (var line in table)
        {
            TestContext.Out.WriteLine(line);
            TestContext.Progress.WriteLine(line);
        }
        await LoadChecks.AssertAsync(cluster, load, plan);
    }

    // What a killed node may have held: rows it claimed in a transaction (outbox rows, an instance whose timer it was firing),
    // broker messages it had taken and not acknowledged (replies, HTTP connector commands). PostgreSQL ends the dead
    // connection's transaction and RabbitMQ requeues the dead channel's messages as soon as the sockets close; the other
    // node then takes the rows at its next poll (or wake-up) and the messages at once, an HTTP call again at worst after
    // one call timeout and the adapter's retries. Bound: two polls + the HTTP timeout + the retries (0.5 + 2 + 5 s) + 30 s
    // for the work itself on two shared cores.
    [Test]
    public async Task A_node_killed_while_it_holds_work_hands_it_to_the_other_within_the_bound()
    {
        var submissions = NodeCluster.Full ? 60 : 24;
        await using var cluster = await NodeCluster.StartAsync(sets: 1);
        await cluster.AddNodesAsync(2);
        var bound = 2 * cluster.Poll + cluster.HttpTimeout + TimeSpan.FromSeconds(0.5 + 2 + 5) + TimeSpan.FromSeconds(30);
        var plan = MixedLoad.Plan(cluster.Tenants, submissions, leave: 0, seed: 7);
        var load = new MixedLoad(cluster);
        using var stop = new CancellationTokenSource();
        var staff = load.DriveAsync(stop.Token);
        var submitting = load.SubmitAllAsync(plan, TimeSpan.FromMilliseconds(50), CancellationToken.None);
        // Kill one node while several requests are in the engines' hands (not waiting for a person).
        var held = await WaitForAsync(cluster, h => h.Count >= Math.Min(6, submissions / 3), TimeSpan.FromSeconds(60));
        await cluster.KillAsync(0);
        var watch = Stopwatch.StartNew();
        var left = held;
        while (left.Count > 0 && watch.Elapsed < 2 * bound)
        {
            await Task.Delay(100);
            left = [.. held.Intersect(await HeldAsync(cluster))];
        }
        var takeover = watch.Elapsed;
        await submitting;
        await LoadChecks.WaitDrainedAsync(cluster, load, plan, TimeSpan.FromSeconds(120));
        await stop.CancelAsync();
        await staff;
        var line = $"node killed holding {held.Count} requests in flight; the other finished them in {takeover.TotalSeconds:0.0} s "
            + $"(bound {bound.TotalSeconds:0.0} s)";
        TestContext.Out.WriteLine(line);
        TestContext.Progress.WriteLine(line);
        Assert.That(left, Is.Empty, $"still in flight {2 * bound.TotalSeconds:0} s after the kill");
        Assert.That(takeover, Is.LessThanOrEqualTo(bound));
        await LoadChecks.AssertAsync(cluster, load, plan);
    }

    // Requests in the engines' hands: pending, running, or waiting for a connector or the renderer.
    private const string HeldSql = """
        SELECT r.reference FROM workflow_instances w JOIN requests r ON r.id = w.request_id
        WHERE w.status IN ('pending', 'running') OR (w.status = 'waiting' AND w.waiting_for IN ('connectors', 'pack'))
        """;

    private static async Task<List<string>> HeldAsync(NodeCluster cluster)
    {
        await using var c = new NpgsqlConnection(cluster.Database);
        return [.. await c.QueryAsync<string>(HeldSql)];
    }

    private static async Task<List<string>> WaitForAsync(NodeCluster cluster, Func<List<string>, bool> enough, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        var held = await HeldAsync(cluster);
        while (!enough(held) && watch.Elapsed < limit)
        {
            await Task.Delay(20);
            held = await HeldAsync(cluster);
        }
        Assert.That(enough(held), Is.True, $"never enough requests in flight to kill a node under them ({held.Count})");
        return held;
    }
}
