using System.Diagnostics;
using DsarEngine.Server.Packs;
using DsarEngine.Workflows.Packs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DsarEngine.Benchmarks;

// Response packs per second for a 50-record and a 10,000-record access letter, next to the renderer's floor (a one-line
// page through the same Chromium) measured in the same run; and this process's peak working set after each phase.
// Chromium is a separate process: its memory is not in these figures.
internal static class PackPhase
{
    public static async Task RunAsync(int packs, int concurrency)
    {
        await using var renderer = new PdfRenderer(Options.Create(new PdfOptions { MaxConcurrentRenders = Math.Min(concurrency, 4) }), NullLogger<PdfRenderer>.Instance);
        var composer = new LetterComposer(new ServiceCollection().AddLogging().BuildServiceProvider(), NullLoggerFactory.Instance, renderer);
        await renderer.RenderAsync("<p>warm-up</p>", "BENCH", "en", CancellationToken.None);
        Console.WriteLine($"{"phase",-60} {"packs",6} {"packs/s",9} {"p50 ms",8} {"peak MB",8}");
        await PhaseAsync("renderer floor (one-line page)", packs, concurrency, () => renderer.RenderAsync("<p>x</p>", "BENCH", "en", CancellationToken.None));
        await PhaseAsync("access letter, 50 records", packs, concurrency, () => composer.PdfAsync(Letter(50), CancellationToken.None));
        await PhaseAsync("access letter, 10,000 records (letter shows 50 a category)", Math.Max(1, packs / 5), concurrency,
            () => composer.PdfAsync(Letter(10_000), CancellationToken.None));
    }

    private static async Task PhaseAsync(string name, int count, int concurrency, Func<Task<byte[]>> render)
    {
        var latencies = new List<double>();
        var next = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= count)
            {
                var one = Stopwatch.StartNew();
                await render();
                lock (latencies)
                    latencies.Add(one.Elapsed.TotalMilliseconds);
            }
        }));
        latencies.Sort();
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
        Console.WriteLine($"{name,-60} {count,6} {count / watch.Elapsed.TotalSeconds,9:F1} {latencies[latencies.Count / 2],8:F0} {peak,8:F0}");
    }

    // A letter built the way LetterModels builds one: the register, and the first 50 rows of a category of the given size.
    private static LetterModel Letter(int records)
    {
        var rows = Enumerable.Range(1, Math.Min(records, 50)).Select(i => (IReadOnlyList<string>)[$"O-{i:D6}", "49.90", "Zoë Ångström — Санкт-Петербург"]).ToList();
        var register = new ProcessingRegister(new Party("Bench SAS", "Paris", "privacy@bench.example", null), null,
            [new PurposeEntry("Orders", "Contract (Art. 6(1)(b))", ["orders"])], [new RecipientEntry("Carrier", "processor", ["orders"])],
            [new RetentionEntry("orders", "10 years")], [], [], null, new Party("CNIL", null, null, "https://www.cnil.fr"), 30);
        return new LetterModel("en", "DSR-BNCH-0000-0000", "access", "Zoë Ångström", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 20), register,
            [new SystemSection("Orders", "done", [], [new CategorySection("orders", ["order", "amount", "name"], rows, records)])]);
    }
}
