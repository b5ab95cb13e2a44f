using System.Diagnostics;
using System.Diagnostics.Metrics;
using DsarEngine.Server.Packs;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Faults;

// Issue 16, faults: the pack renderer's Chromium killed (SIGKILL) mid-render. The render fails, MassTransit retries it
// (1 s, 5 s, …), the renderer starts a new browser, and every request gets exactly one letter.
[Category("Faults")]
[NonParallelizable]
public sealed class PartRendererTests
{
    // Every Chromium process below this test process (the in-process engine's renderer; Playwright's driver starts it).
    private static HashSet<int> Chromium()
    {
        var parents = new Dictionary<int, (int Parent, string Name)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
                continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = stat.LastIndexOf(')');
                var name = stat[(stat.IndexOf('(') + 1)..close];
                var fields = stat[(close + 2)..].Split(' ');
                parents[pid] = (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture), name);
            }
            catch (IOException)
            {
                // The process ended while we read.
            }
        }
        var self = Environment.ProcessId;
        bool Below(int pid)
        {
            for (var hops = 0; hops < 20 && parents.TryGetValue(pid, out var p); hops++, pid = p.Parent)
                if (p.Parent == self)
                    return true;
            return false;
        }
        return [.. parents.Where(p => p.Value.Name.Contains("chrom", StringComparison.OrdinalIgnoreCase) && Below(p.Key))
            .Select(p => p.Key)];
    }

    private static void KillAll(IEnumerable<int> pids)
    {
        foreach (var pid in pids)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(); // SIGKILL
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Gone already.
            }
        }
    }

    [Test]
    public async Task Killing_Chromium_mid_render_renders_every_pack_once_with_a_new_browser()
    {
        var earlier = Chromium(); // browsers of other engines in this process (none run now: not parallel) are left alone
        await using var rig = await PartRig.StartAsync(render: true);
        var failures = 0;
        using var listener = new MeterListener();
        var meters = rig.Engine.Services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "dsar.pack.render.failures" && ReferenceEquals(instrument.Meter.Scope, meters))
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref failures, (int)value));
        listener.Start();
        var keys = PartRig.NewKeys(PartRig.Full ? 30 : 4).ToList();
        var submitting = rig.SubmitAsync(keys, TimeSpan.FromSeconds(60));
        var kills = 0;
        var target = PartRig.Full ? 6 : 2;
        var renderer = rig.Engine.Services.GetRequiredService<PdfRenderer>();
        // Each browser is killed as soon as it has started (not while it starts: that is a failed launch, not a render):
        // it was launched for a render, which is then under way. Polled closely, bounded.
        var watch = Stopwatch.StartNew();
        while (kills < target && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (renderer.Launches > kills)
            {
                KillAll(Chromium().Except(earlier));
                kills++;
            }
            await Task.Delay(20);
        }
        await submitting;
        await rig.AssertHealedAsync(keys.Count);
        var letters = (await rig.ScalarAsync<long[]>("SELECT coalesce(array_agg(n), '{}') FROM "
            + "(SELECT count(*) AS n FROM response_packs WHERE kind = 'letter' GROUP BY request_id) x")).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(kills, Is.EqualTo(target), "Chromium was killed");
            Assert.That(Volatile.Read(ref failures), Is.GreaterThanOrEqualTo(1), "a render failed: the kill fell mid-render");
            Assert.That(renderer.Launches, Is.GreaterThan(kills), "a new browser each time");
            Assert.That(letters, Has.All.EqualTo(1), "no letter twice");
            Assert.That(letters, Has.Count.EqualTo(keys.Count), "a letter for every request");
        }
    }
}
