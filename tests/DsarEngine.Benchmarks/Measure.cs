using System.Diagnostics;

namespace DsarEngine.Benchmarks;

// Latencies are null where a phase has no per-operation time (workflows are timed as a whole).
internal sealed record Result(string Phase, int Operations, double Seconds, double? P50Ms, double? P99Ms, double? MaxMs)
{
    public double PerSecond => Operations / Seconds;
}

// Runs `count` operations on `concurrency` workers (closed loop: each worker starts its next operation when the
// previous one has finished) and records each operation's latency.
internal static class Measure
{
    public static async Task<Result> RunAsync(string phase, int count, int concurrency, Func<int, Task> operation)
    {
        var latencies = new double[count];
        var next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var one = Stopwatch.GetTimestamp();
                await operation(i);
                latencies[i] = Stopwatch.GetElapsedTime(one).TotalMilliseconds;
            }
        })));
        total.Stop();
        Array.Sort(latencies);
        return new Result(phase, count, total.Elapsed.TotalSeconds,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies.Length == 0 ? 0 : latencies[^1]);
    }

    // Nearest rank: the smallest latency that at least p of the operations did not exceed.
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
