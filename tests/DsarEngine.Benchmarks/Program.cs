using DsarEngine.Benchmarks;
using DsarEngine.Tests.Shared;
using Npgsql;

// Intake submissions per second through the real HTTP stack, next to raw single-row PostgreSQL commits per second
// measured in the same run on the same server. It measures and prints; it never asserts a time.
if (!BenchmarkOptions.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

if (options.Packs > 0)
{
    await PackPhase.RunAsync(options.Packs, options.Concurrency);
    Console.WriteLine();
}

var warmUp = Math.Min(200, options.Requests);
var database = await TestDatabase.CreateAsync("dsar_bench");
var prefix = new NpgsqlConnectionStringBuilder(database).Database + "-";
Result commits, intake;
IntakePhase submissions;
var intakeMemory = new MemorySampler("intake (raw commits, engine start, intake)");
try
{
    commits = await Baselines.PostgresCommitsAsync(database, options.Requests, options.Concurrency, warmUp);
    var (app, address) = await EngineHost.StartAsync(args, database, prefix);
    await using (app)
    {
        using var client = IntakePhase.Client(address, options.Concurrency);
        submissions = new IntakePhase(client, options.Concurrency);
        await submissions.RunAsync("warm-up", warmUp);
        intake = await submissions.RunAsync("intake POST /api/v1/requests (HTTP)", options.Requests);
        await app.StopAsync();
    }
}
finally
{
    await intakeMemory.StopAsync();
    intakeMemory.Dispose();
    await TestDatabase.DropAsync(database);
    await BrokerCleanup.DeleteEngineQueuesAsync(prefix);
}

var failures = submissions.FirstFailures.ToList();
var failed = submissions.Failures;
WorkflowPhase.Outcome? workflows = null, samples = null;
var problems = new List<string>();
if (options.Workflows > 0 && failed == 0 && options.StubWorkflows)
    workflows = await MemorySampler.PhaseAsync("workflows (broker baseline, stub connector)",
        () => WorkflowPhase.RunAsync(args, options, samples: false, broker: null));
if (options.Workflows > 0 && failed == 0 && options.SampleWorkflows)
    samples = await MemorySampler.PhaseAsync(
        workflows is null ? "workflows (broker baseline, sample connectors)" : "workflows (sample connectors CRM, billing, support)",
        () => WorkflowPhase.RunAsync(args, options, samples: true, broker: workflows?.Broker));
foreach (var outcome in new[] { workflows, samples }.OfType<WorkflowPhase.Outcome>())
{
    failures.AddRange(outcome.Submissions.FirstFailures);
    failed += outcome.Submissions.Failures;
    if (outcome.Problem is { } problem)
        problems.Add(problem);
}

var figures = new Figures(options.Concurrency, commits, intake, workflows?.Broker ?? samples?.Broker, workflows?.Workflows, failed,
    samples?.Workflows) { NotFinished = problems };
Report.Print(figures, failures);
if (samples?.Answers is { } answers)
    Console.WriteLine($"sample connectors' answers (warm-up included): {answers}");
if (options.JsonPath is { } path)
    await Report.WriteJsonAsync(path, figures);
if (options.Inbox > 0)
    await MemorySampler.PhaseAsync("inbox list (no engine: InboxQueries only)", async () =>
    {
        await InboxPhase.RunAsync(options.Inbox, options.InboxOpen);
        return 0;
    });
if (options.Timers > 0)
    await MemorySampler.PhaseAsync($"timers ({options.Timers:N0} due, engine TimerPoller)", async () =>
    {
        await TimerPhase.RunAsync(args, options.Timers, options.TimersSpread);
        return 0;
    });
MemorySampler.Print();
return failed == 0 && problems.Count == 0 ? 0 : 1;
