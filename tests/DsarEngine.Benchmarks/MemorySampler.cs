using System.Collections.Concurrent;
using System.Diagnostics;

namespace DsarEngine.Benchmarks;

// Peaks of this process's working set and of the summed proportional memory (PSS) of its descendant processes
// (Chromium and its renderers, the Playwright driver), read from /proc every 50 ms while a phase runs.
internal sealed class MemorySampler : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task<(double, double)> sampling;

    private readonly string? phase;

    // phase: recorded for the summary (Print) under this name when the sampler stops.
    public MemorySampler(string? phase = null)
    {
        this.phase = phase;
        sampling = Task.Run(SampleAsync);
    }

    // Every named phase's peaks, in the order they finished.
    public static ConcurrentQueue<(string Phase, double EngineMb, double ChildrenMb)> Peaks { get; } = new();

    // The summary at the end of a run: this process's peak working set per phase (the engine runs in it, beside the
    // load generator), against issue 16's 500 MB.
    public static void Print()
    {
        if (Peaks.IsEmpty)
            return;
        Console.WriteLine();
        Console.WriteLine($"{"peak memory per phase (this process: engine + load generator)",-62} {"MB",7} {"< 500 MB",9}");
        foreach (var (name, engine, _) in Peaks)
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{name,-62} {engine,7:F0} {(engine < 500 ? "yes" : "NO"),9}"));
    }

    // Runs one phase while sampling, and records its peak under its name.
    public static async Task<T> PhaseAsync<T>(string phase, Func<Task<T>> run)
    {
        using var memory = new MemorySampler(phase);
        try
        {
            return await run();
        }
        finally
        {
            await memory.StopAsync();
        }
    }

    public async Task<(double EngineMb, double ChromiumMb)> StopAsync()
    {
        await stop.CancelAsync();
        var peaks = await sampling;
        if (phase is not null)
            Peaks.Enqueue((phase, peaks.Item1, peaks.Item2));
        return peaks;
    }

    private async Task<(double, double)> SampleAsync()
    {
        long engine = 0, children = 0;
        var self = Environment.ProcessId;
        using var process = Process.GetCurrentProcess();
        while (!stop.IsCancellationRequested)
        {
            process.Refresh();
            engine = Math.Max(engine, process.WorkingSet64);
            children = Math.Max(children, Descendants(self).Sum(Pss));
            try { await Task.Delay(50, stop.Token); } catch (OperationCanceledException) { }
        }
        return (engine / 1048576.0, children / 1048576.0);
    }

    private static HashSet<int> Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out var pid) && TryRead(Path.Combine(dir, "stat")) is { } stat)
            {
                // pid (comm) state ppid ...: comm may hold spaces, so read after its closing parenthesis.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields.Length > 1 && int.TryParse(fields[1], out var ppid))
                    parents[pid] = ppid;
            }
        var found = new HashSet<int> { root };
        bool grew;
        do
        {
            grew = false;
            foreach (var (pid, ppid) in parents)
                if (found.Contains(ppid) && found.Add(pid))
                    grew = true;
        } while (grew);
        found.Remove(root);
        return found;
    }

    // Proportional set size: memory shared between Chromium's processes counted once in all, not once per process.
    private static long Pss(int pid) =>
        TryRead($"/proc/{pid}/smaps_rollup")?.Split('\n')
                .FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal)) is { } line
            && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out var kb) ? kb * 1024 : 0;

    private static string? TryRead(string path)
    {
        try { return File.ReadAllText(path); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    public void Dispose() => stop.Dispose();
}
