using System.Diagnostics;
using Dapper;
using Npgsql;

namespace DsarEngine.Server.Tests.Faults;

// A node killed while it holds work, and the time until the other nodes have finished that work. What a killed node may
// hold: rows it claimed in a transaction (outbox rows; the instance whose timer or signal it was running) and broker
// messages it had taken and not acknowledged (connector replies, HTTP connector commands). PostgreSQL ends the dead
// connection's transaction and RabbitMQ requeues the dead channel's messages as soon as the sockets close; another node
// then takes the rows at its next poll or wake-up and the messages at once, an HTTP connector's call again at worst after
// one call timeout and the adapter's three retries (0.5, 2 and 5 s). Bound: two polls + the HTTP timeout + the retries +
// 30 s for the work itself on two shared cores (docs/operations.md, "Several nodes").
internal static class Takeover
{
    public static TimeSpan Bound(NodeCluster cluster) =>
        2 * cluster.Poll + cluster.HttpTimeout + TimeSpan.FromSeconds(0.5 + 2 + 5) + TimeSpan.FromSeconds(30);

    // Requests in the engines' hands: pending, running, or waiting for a connector or the renderer (not for a person).
    private const string HeldSql = """
        SELECT r.reference FROM workflow_instances w JOIN requests r ON r.id = w.request_id
        WHERE w.status IN ('pending', 'running') OR (w.status = 'waiting' AND w.waiting_for IN ('connectors', 'pack'))
        """;

    private static async Task<List<string>> HeldAsync(NodeCluster cluster)
    {
        await using var c = new NpgsqlConnection(cluster.Database);
        return [.. await c.QueryAsync<string>(HeldSql)];
    }

    // Kills the node when at least `least` requests are in the engines' hands; returns how many there were and how long the
    // other nodes took to finish them (each closed, or waiting for a person). The node is not started again here.
    public static async Task<(int Held, TimeSpan Took)> KillAndMeasureAsync(NodeCluster cluster, int node, int least)
    {
        var watch = Stopwatch.StartNew();
        var held = await HeldAsync(cluster);
        while (held.Count < least && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(20);
            held = await HeldAsync(cluster);
        }
        Assert.That(held, Has.Count.GreaterThanOrEqualTo(least), "never enough requests in flight to kill a node under them");
        await cluster.KillAsync(node);
        watch.Restart();
        var left = held;
        var bound = Bound(cluster);
        while (left.Count > 0 && watch.Elapsed < 2 * bound)
        {
            await Task.Delay(100);
            left = [.. held.Intersect(await HeldAsync(cluster))];
        }
        var took = watch.Elapsed;
        var line = $"node killed holding {held.Count} requests in flight; the other finished them in {took.TotalSeconds:0.0} s "
            + $"(bound {bound.TotalSeconds:0.0} s)";
        TestContext.Out.WriteLine(line);
        TestContext.Progress.WriteLine(line);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(left, Is.Empty, $"still in flight {2 * bound.TotalSeconds:0} s after the kill");
            Assert.That(took, Is.LessThanOrEqualTo(bound), "the other node took the work over within the bound");
        }
        return (held.Count, took);
    }
}
