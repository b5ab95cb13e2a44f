using System.Diagnostics;

namespace DsarEngine.Server.Tests.Faults;

// Two engine nodes share a steady mixed load of every right, with the real sample systems, the newsletter SaaS over HTTP
// and a paper archive a person works; one node at a time, chosen at random, is killed with SIGKILL at a random moment and
// started again: 3 times in the test command, 20 with DSAR_FAULTS=full (eng/faults.sh). The first kill comes while requests
// are in the engines' hands, and the other node must finish them within a bound derived from the settings (Takeover).
[Category("Faults")]
[NonParallelizable]
public sealed class NodeKillTests
{
    [Test]
    public async Task Killing_a_node_of_two_at_random_moments_under_every_right_loses_and_doubles_nothing()
    {
        // A submission every 300 ms (full) or 400 ms: fast enough that requests are in the engines' hands when a node dies
        // (at 900 ms apart, engines finishing a request's unattended steps in under a second held none to kill under).
        var (kills, submissions, gap, pause) = NodeCluster.Full ? (20, 200, 300, 4000) : (3, 30, 400, 1500);
        var random = new Random(20261202);
        await using var cluster = await NodeCluster.StartAsync(sets: 1);
        await cluster.AddNodesAsync(2);
        var plan = MixedLoad.Plan(cluster.Tenants, submissions, leave: NodeCluster.Full ? 3 : 1, seed: 16);
        var load = new MixedLoad(cluster);
        using var stop = new CancellationTokenSource();
        var staff = load.DriveAsync(stop.Token);
        var watch = Stopwatch.StartNew();
        var submitting = load.SubmitAllAsync(plan, TimeSpan.FromMilliseconds(gap), CancellationToken.None);
        // The first kill is measured: the other node must finish what the dead one held within the bound (Takeover).
        var first = random.Next(2);
        var (held, took) = await Takeover.KillAndMeasureAsync(cluster, first, least: 3);
        await cluster.RestartAsync(first);
        for (var k = 1; k < kills; k++)
        {
            await Task.Delay(random.Next(500, pause));
            var victim = random.Next(2);
            await cluster.KillAsync(victim);
            await cluster.RestartAsync(victim);
        }
        await submitting;
        var drained = await LoadChecks.WaitDrainedAsync(cluster, load, plan, TimeSpan.FromSeconds(NodeCluster.Full ? 300 : 120));
        await stop.CancelAsync();
        await staff;
        TestContext.Out.WriteLine($"{submissions} submissions, {kills} kills in {watch.Elapsed.TotalSeconds:0} s (drained "
            + $"{drained.TotalSeconds:0.0} s after the last submission was accepted); submissions sent again: {load.Resent}; "
            + $"staff calls: {load.StaffCalls}; paper archive tasks completed by hand: {load.ManualCompleted}; first kill: "
            + $"{held} requests in flight, taken over in {took.TotalSeconds:0.0} s");
        await LoadChecks.AssertAsync(cluster, load, plan);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(load.ManualCompleted, Is.Positive, "a person completed paper archive tasks during the run");
            Assert.That(load.Resent, Is.Positive, "submissions were sent again under their key after a node died under them");
        }
    }
}
