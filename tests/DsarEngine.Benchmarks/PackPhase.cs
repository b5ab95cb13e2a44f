using System.Diagnostics;
using System.Text.Json;
using DsarEngine.Connectors;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Packs;
using DsarEngine.Workflows.Packs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DsarEngine.Benchmarks;

// Response packs per second next to the renderer's floor (a one-line page through the same Chromium) measured in the
// same run. Each pack takes the renderer's path from the sealed export's JSON: parse it, keep the first rows of each
// category for the letter, render the PDF, and for portability build the ZIP with every record. Memory is sampled
// while each phase runs: this process's working set, and the memory of the Chromium processes it started (PSS).
internal static class PackPhase
{
    public static async Task RunAsync(int packs, int concurrency)
    {
        await using var renderer = new PdfRenderer(
            Options.Create(new PdfOptions { MaxConcurrentRenders = Math.Min(concurrency, 4) }), NullLogger<PdfRenderer>.Instance);
        var composer = new LetterComposer(
            new ServiceCollection().AddLogging().BuildServiceProvider(), NullLoggerFactory.Instance, renderer);
        await renderer.RenderAsync("<p>warm-up</p>", "BENCH", "en", CancellationToken.None);
        var exports = new Dictionary<int, byte[]> { [50] = Export(50), [10_000] = Export(10_000), [100_000] = Export(100_000) };
        GC.Collect();
        Console.WriteLine($"{"phase",-52} {"packs",6} {"packs/s",8} {"p50 ms",8} {"engine MB",10} {"Chromium MB",12}");
        await PhaseAsync("renderer floor (one-line page)", packs, concurrency,
            () => renderer.RenderAsync("<p>x</p>", "BENCH", "en", CancellationToken.None));
        await PhaseAsync("access pack, 50 records", packs, concurrency, () => AccessAsync(composer, exports[50]));
        await PhaseAsync("access pack, 10,000 records", Math.Max(2, packs / 5), concurrency,
            () => AccessAsync(composer, exports[10_000]));
        await PhaseAsync("access pack, 100,000 records", Math.Max(2, packs / 20), concurrency,
            () => AccessAsync(composer, exports[100_000]));
        await PhaseAsync("portability pack (PDF + ZIP), 100,000 records", Math.Max(2, packs / 20), concurrency,
            async () =>
            {
                var pdf = await AccessAsync(composer, exports[100_000], "portability");
                return PortabilityArchive.Build(pdf, [exports[100_000]]);
            });
        // GDPR Art. 15(3): the access letter names the copy, and the copy (the same archive) carries every record.
        await PhaseAsync("access pack + full copy (PDF + ZIP), 100,000 records", Math.Max(2, packs / 20), concurrency,
            async () =>
            {
                var pdf = await AccessAsync(composer, exports[100_000], copy: true);
                return PortabilityArchive.Build(pdf, [exports[100_000]]);
            });
        Console.WriteLine("(the letter shows the first 50 records of each category; the machine-readable files carry them all)");
    }

    private static async Task<byte[]> AccessAsync(LetterComposer composer, byte[] export, string right = "access", bool copy = false)
    {
        var document = ExportReader.Scan(export);
        var register = new ProcessingRegister(new Party("Bench SAS", "Paris", "privacy@bench.example", null), null,
            [new PurposeEntry("Orders", "Contract (Art. 6(1)(b))", ["orders"])], [new RecipientEntry("Carrier", "processor", ["orders"])],
            [new RetentionEntry("orders", "10 years")], [], [], null, new Party("CNIL", null, null, "https://www.cnil.fr"), 30);
        var model = new LetterModel("en", "DSR-BNCH-0000-0000", right, "Zoë Ångström",
            new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 20), register,
            [new SystemSection(document.System, "done", [], [.. document.Categories.Select(c => LetterModels.Section(c, 50))])]);
        if (copy)
            model = model with
            {
                Copy = new CopyFacts("DSR-BNCH-0000-0000-copy.zip",
                    ["letter.pdf", "orders/orders.json", "orders/orders.csv", "manifest.json"]),
            };
        return await composer.PdfAsync(model, CancellationToken.None);
    }

    // An export document as a connector uploads it: one category of orders, five fields a record.
    private static byte[] Export(int records) => JsonSerializer.SerializeToUtf8Bytes(new ExportDocument("orders", "Orders",
    [
        new ExportedCategory("orders", [.. Enumerable.Range(1, records)
            .Select(i => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
            {
                ["order"] = $"O-{i:D6}", ["placedOn"] = "2026-03-14", ["amount"] = "49.90",
                ["name"] = "Zoë Ångström — Санкт-Петербург", ["city"] = "Besançon",
            })]),
    ]), ExportUpload.Json);

    private static async Task PhaseAsync(string name, int count, int concurrency, Func<Task<byte[]>> render)
    {
        var latencies = new List<double>();
        var next = 0;
        using var memory = new MemorySampler("packs: " + name);
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
        var elapsed = watch.Elapsed;
        var (engine, chromium) = await memory.StopAsync();
        latencies.Sort();
        Console.WriteLine($"{name,-52} {count,6} {count / elapsed.TotalSeconds,8:F1} {latencies[latencies.Count / 2],8:F0} "
            + $"{engine,10:F0} {chromium,12:F0}");
    }
}
