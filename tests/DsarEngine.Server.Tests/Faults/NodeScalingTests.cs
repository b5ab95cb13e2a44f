using System.Diagnostics;
using System.Globalization;

namespace DsarEngine.Server.Tests.Faults;

// One, two and three engine nodes against one database and one broker carry the same mixed load (each its own pair of
// organisations), nothing doubles, and the throughput per node count is printed (docs/performance.md, "Nodes"). With
// DSAR_FAULTS=full only (eng/faults.sh): three clusters' start-ups cost the test command too much. The takeover of a
// killed node's work is measured in NodeKillTests.
[Category("Faults")]
[NonParallelizable]
public sealed class NodeScalingTests
{
    [Test]
    public async Task One_two_and_three_nodes_carry_the_same_load_and_nothing_doubles()
    {
        if (!NodeCluster.Full)
            Assert.Ignore("Runs with DSAR_FAULTS=full (eng/faults.sh).");
        const int perPhase = 60;
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
            await LoadChecks.WaitDrainedAsync(cluster, load, plan, TimeSpan.FromSeconds(300));
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
}
