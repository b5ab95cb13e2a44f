using System.Diagnostics;
using DsarEngine.Tests.Shared;
using Npgsql;

namespace DsarEngine.Benchmarks;

// Optional (--workflows N): whole workflows through the bus next to raw broker round trips. Each run of it has its own
// database and engine, so the intake phase's workflows (or the other connector path's) can neither slow it down nor be
// counted in it. samples: the fan-out goes to the real sample connector services instead of the in-process stub.
internal static class WorkflowPhase
{
    private const string ClosedSql = "SELECT count(*) FROM workflow_instances WHERE status = 'closed'";

    // The whole phase's bound, and how long the count of closed workflows may stand still before the phase gives up.
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(60);

    // Problem: why the timed workflows did not all close (Workflows is then null); Answers: what the connectors answered.
    public sealed record Outcome(Result Broker, Result? Workflows, IntakePhase Submissions, string? Problem, string? Answers);

    public const string StubLabel = "workflows end to end (intake → stub connector → closed)";
    public const string SamplesLabel = "workflows end to end (intake → sample connectors CRM, billing, support → closed)";

    // broker: the round trips already measured in this run (the other connector path's), or null to measure them here.
    public static async Task<Outcome> RunAsync(string[] args, BenchmarkOptions options, bool samples, Result? broker)
    {
        var database = await TestDatabase.CreateAsync("dsar_bench");
        var prefix = new NpgsqlConnectionStringBuilder(database).Database + "-";
        var stem = prefix.Replace('_', '-');
        var stub = stem + "bench";
        var definitions = StubConnector.DefinitionsFolder();
        try
        {
            broker ??= await Baselines.BrokerRoundTripsAsync($"{prefix}bench-ping", options.Requests, options.Concurrency);
            var (app, address) = await EngineHost.StartAsync(args, database, prefix, definitions);
            await using (app)
            {
                Func<Task> stop;
                if (samples)
                {
                    var systems = await SampleConnectors.StartAsync(database, prefix);
                    stop = async () => await systems.DisposeAsync();
                }
                else
                {
                    await StubConnector.RegisterAsync(database, stub);
                    var bus = await StubConnector.StartAsync(stub);
                    stop = () => bus.StopAsync();
                }
                try
                {
                    using var client = IntakePhase.Client(address, options.Concurrency);
                    var submissions = new IntakePhase(client, options.Concurrency, samples ? SampleConnectors.Subject : null);
                    await using var dataSource = NpgsqlDataSource.Create(database);
                    var label = samples ? SamplesLabel : StubLabel;
                    try
                    {
                        var warmUp = await TimeAsync(submissions, dataSource, Math.Min(50, options.Workflows), "warm-up");
                        var timed = warmUp is null ? null : await TimeAsync(submissions, dataSource, options.Workflows, label);
                        // Connector names carry the run's database name: shown without it (crm, billing, support).
                        var answers = samples ? (await ConnectorAnswers.TasksAsync(dataSource, openOnly: false)).Replace(stem, "") : null;
                        await app.StopAsync();
                        return new Outcome(broker, timed, submissions, null, answers);
                    }
                    catch (TimeoutException stuck)
                    {
                        var problem = $"{label}: {stuck.Message} Not closed: {await ConnectorAnswers.OpenAsync(dataSource)}. " +
                            $"Their connector tasks: {(await ConnectorAnswers.TasksAsync(dataSource, openOnly: true)).Replace(stem, "")}.";
                        await app.StopAsync();
                        return new Outcome(broker, null, submissions, problem, null);
                    }
                }
                finally
                {
                    await stop();
                }
            }
        }
        finally
        {
            Directory.Delete(definitions, recursive: true);
            await TestDatabase.DropAsync(database);
            await BrokerCleanup.DeleteEngineQueuesAsync(prefix);
            // The engine's reply exchange (bound to its reply queue), which connectors answer to.
            await BrokerCleanup.DeleteAsync($"{prefix}bench-ping", StubConnector.QueueName(stub), $"{prefix}dsar.replies");
        }
    }

    // Submissions go in as fast as intake takes them; the clock stops when the last of them has closed.
    // Null when a submission was refused: its workflow would never close. A TimeoutException when they do not all close
    // within the bound, or when none closes for a while (a connector not answering).
    private static async Task<Result?> TimeAsync(IntakePhase submissions, NpgsqlDataSource dataSource, int count, string phase)
    {
        var before = await ClosedAsync(dataSource);
        var watch = Stopwatch.StartNew();
        await submissions.RunAsync("(submissions)", count);
        if (submissions.Failures > 0)
            return null;
        long closed, last = -1;
        var progress = watch.Elapsed;
        while ((closed = await ClosedAsync(dataSource) - before) < count)
        {
            if (closed > last)
                (last, progress) = (closed, watch.Elapsed);
            if (watch.Elapsed > Bound)
                throw new TimeoutException($"only {closed} of {count} workflows closed in {Bound.TotalMinutes:F0} minutes.");
            if (watch.Elapsed - progress > Stall)
                throw new TimeoutException(
                    $"only {closed} of {count} workflows closed, and none more in the last {Stall.TotalSeconds:F0} s.");
            await Task.Delay(20);
        }
        return new Result(phase, count, watch.Elapsed.TotalSeconds, null, null, null);
    }

    private static async Task<long> ClosedAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(ClosedSql);
        return (long)(await command.ExecuteScalarAsync() ?? 0L);
    }
}
