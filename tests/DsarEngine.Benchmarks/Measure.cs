using System.Diagnostics;

namespace DsarEngine.Benchmarks;

internal sealed record Result(string Phase, int Operations, double Seconds, double P50Ms, double P99Ms)
{
    public double PerSecond => Operations / Seconds;
}

// Runs `count` operations on `concurrency` workers and records each one's latency.
internal static class Measure
{
    public static async Task<Result> RunAsync(string phase, int count, int concurrency, Func<int, Task> operation)
    {
        var latencies = new double[count];
        var next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var one = Stopwatch.StartNew();
                await operation(i);
                latencies[i] = one.Elapsed.TotalMilliseconds;
            }
        }));
        total.Stop();
        Array.Sort(latencies);
        return new Result(phase, count, total.Elapsed.TotalSeconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
