using System.Diagnostics;
using System.Globalization;
using DsarEngine.Server.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DsarEngine.Server.Tests.Security.Fuzzing;

// The hostile-input harness (docs/testing.md#hostile-input): at least 10,000 inputs, generated from a seeded Random (the
// seed is printed; DSAR_FUZZ_SEED replays a run, DSAR_FUZZ_INPUTS changes the count), against every public door of an engine
// of its own whose edge budgets are raised so that the inputs reach the code behind them (RateLimitTests and
// ShippedRateLimitTests prove the budgets). Every answer is below 500; every refusal is problem+json with its status and
// title (a page for people may refuse with a page); and every refused input, sent again once the database has settled,
// stores nothing in any table.
[NonParallelizable]
public sealed class PublicEndpointFuzzTests
{
    private const int DefaultSeed = 160_2026;
    private static EngineFactory engine = null!;
    private static SmtpSink mail = null!;
    private static readonly ServerErrors Errors = new();
    private static FuzzWorld world = null!;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("DSAR_FUZZ_SEED"), CultureInfo.InvariantCulture,
        out var seed) ? seed : DefaultSeed;

    private static int Inputs => int.TryParse(Environment.GetEnvironmentVariable("DSAR_FUZZ_INPUTS"), CultureInfo.InvariantCulture,
        out var count) && count > 0 ? count : 10_000;

    [OneTimeSetUp]
    public async Task StartEngine()
    {
        // The subjects' mail goes to a sink of the harness's own: thousands of accepted inputs must not flood smtp4dev.
        mail = new SmtpSink();
        var slug = $"fuzz-{Guid.NewGuid():N}"[..16];
        engine = await EngineFactory.StartAsync(new Dictionary<string, string?>
        {
            ["Dsar:Mail:SmtpHost"] = "127.0.0.1",
            ["Dsar:Mail:SmtpPort"] = mail.Port.ToString(CultureInfo.InvariantCulture),
            // Raised for the harness: every budget of the public edge, so that inputs reach the code behind them.
            ["Dsar:Intake:PublicPermitsPerMinute"] = "1000000",
            ["Dsar:Intake:StatusPermitsPerMinute"] = "1000000",
            ["Dsar:RateLimits:CodePermitsPerMinute"] = "1000000",
            ["Dsar:RateLimits:CallbackPermitsPerMinute"] = "1000000",
            ["Dsar:RateLimits:OpenDsrPermitsPerMinute"] = "1000000",
            ["Dsar:RateLimits:TenantIntakePermitsPerMinute"] = "1000000",
            ["Dsar:Form:MinFillSeconds"] = "0",
            ["Dsar:OpenDsr:Controllers:fuzz:Tenant"] = slug,
            ["Dsar:OpenDsr:Controllers:fuzz:TokenSha256"] = FuzzWorld.ControllerTokenHash,
        }, testServices: services => services.AddSingleton<ILoggerProvider>(Errors));
        world = await FuzzWorld.BuildAsync(engine, slug);
    }

    [OneTimeTearDown]
    public async Task StopEngine()
    {
        await engine.DisposeAsync();
        await mail.DisposeAsync();
    }

    [Test]
    public async Task Ten_thousand_hostile_inputs_get_clean_answers_and_the_refused_ones_store_nothing()
    {
        var seed = Seed;
        await TestContext.Out.WriteLineAsync($"Hostile-input harness: DSAR_FUZZ_SEED={seed}, {Inputs} inputs");
        var watch = Stopwatch.StartNew();
        var (cases, unbuildable) = await FuzzTargets.GenerateAsync(world, new Random(seed), Inputs);
        await TestContext.Out.WriteLineAsync($"{unbuildable} drawn inputs could not be built by HttpClient and were drawn again");
        var generated = watch.Elapsed;
        var outcomes = await SendAllAsync(cases);
        var sent = watch.Elapsed - generated;

        var refused = outcomes.Where(o => o.Refused).Select(o => o.Case).ToList();
        var before = await RowCensus.SettledAsync(engine.ConnectionString, TimeSpan.FromSeconds(90));
        var replayed = await SendAllAsync(refused);
        var after = await RowCensus.SettledAsync(engine.ConnectionString, TimeSpan.FromSeconds(90));
        await ReportAsync(seed, outcomes, generated, sent, watch.Elapsed - generated - sent);

        var faults = outcomes.Concat(replayed).Where(o => o.Fault() is not null).Select(o => $"{o.Fault()}: {o}").Distinct().ToList();
        var acceptedOnReplay = replayed.Where(o => !o.Refused).Select(o => o.ToString()).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(cases, Has.Count.GreaterThanOrEqualTo(Inputs));
            Assert.That(unbuildable, Is.LessThan(Inputs / 20), "the generators mostly make inputs that can be sent");
            Assert.That(faults, Is.Empty, $"seed {seed}: {faults.Count} unclean answers, first: {string.Join("\n", faults.Take(20))}");
            Assert.That(acceptedOnReplay, Is.Empty, $"seed {seed}: refused once, accepted when sent again");
            Assert.That(RowCensus.Differences(before, after), Is.Empty,
                $"seed {seed}: {refused.Count} refused inputs sent again changed row counts");
            Assert.That(refused, Has.Count.GreaterThan(Inputs / 2), "most hostile inputs are refused");
            Assert.That(outcomes.Count(o => !o.Refused), Is.GreaterThan(0), "valid and harmless inputs are still accepted");
        }
    }

    // Four at a time, each on the client the case names (anonymous, or a subject's portal session with its cookies). An
    // exception instead of an answer is a fault too: the test server surfaces what the engine threw past its handlers.
    private static async Task<List<FuzzOutcome>> SendAllAsync(List<FuzzCase> cases)
    {
        var outcomes = new FuzzOutcome[cases.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, cases.Count), new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (i, ct) =>
            {
                var fuzz = cases[i];
                try
                {
                    using var message = fuzz.ToMessage();
                    using var response = await world.Clients[fuzz.Client].SendAsync(message, ct);
                    outcomes[i] = await FuzzOutcome.ReadAsync(fuzz, response);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    outcomes[i] = new FuzzOutcome(fuzz, 599, null, $"{e.GetType().Name}: {e.Message}");
                }
                if (i % 500 == 0)
                    mail.Drain();
            });
        return [.. outcomes];
    }

    private static async Task ReportAsync(int seed, List<FuzzOutcome> outcomes, TimeSpan generated, TimeSpan sent, TimeSpan replay)
    {
        var lines = outcomes.GroupBy(o => o.Case.Endpoint).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            $"  {g.Key}: {g.Count()} inputs, {g.Count(o => !o.Refused)} accepted, statuses " +
            string.Join(" ", g.GroupBy(o => o.Status).OrderBy(s => s.Key).Select(s => $"{s.Key}x{s.Count()}")));
        await TestContext.Out.WriteLineAsync(
            $"seed {seed}: {outcomes.Count} inputs generated in {generated.TotalSeconds:F1} s, sent in {sent.TotalSeconds:F1} s, " +
            $"refused ones sent again and counted in {replay.TotalSeconds:F1} s\n{string.Join("\n", lines)}\n" +
            $"Exceptions the engine logged:\n  {string.Join("\n  ", Errors.Distinct)}");
    }
}
