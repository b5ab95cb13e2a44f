using System.Diagnostics;
using DsarEngine.Tests.Shared;
using Npgsql;

namespace DsarEngine.Benchmarks;

// Optional (--workflows N): whole workflows through the bus next to raw broker round trips. It runs on its own
// database and engine, so the intake phase's workflows can neither slow it down nor be counted in it.
internal static class WorkflowPhase
{
    private const string ClosedSql = "SELECT count(*) FROM workflow_instances WHERE status = 'closed'";

    public sealed record Outcome(Result Broker, Result? Workflows, IntakePhase Submissions);

    public static async Task<Outcome> RunAsync(string[] args, BenchmarkOptions options)
    {
        var database = await TestDatabase.CreateAsync("dsar_bench");
        var prefix = new NpgsqlConnectionStringBuilder(database).Database + "-";
        var connector = prefix.Replace('_', '-') + "bench";
        var definitions = StubConnector.DefinitionsFolder();
        try
        {
            var broker = await Baselines.BrokerRoundTripsAsync($"{prefix}bench-ping", options.Requests, options.Concurrency);
            var (app, address) = await EngineHost.StartAsync(args, database, prefix, definitions);
            await StubConnector.RegisterAsync(database, connector);
            var bus = await StubConnector.StartAsync(connector);
            await using (app)
            {
                try
                {
                    using var client = IntakePhase.Client(address, options.Concurrency);
                    var submissions = new IntakePhase(client, options.Concurrency);
                    await using var dataSource = NpgsqlDataSource.Create(database);
                    var warmUp = await TimeAsync(submissions, dataSource, Math.Min(50, options.Workflows), "warm-up");
                    var timed = warmUp is null ? null : await TimeAsync(submissions, dataSource, options.Workflows,
                        "workflows end to end (intake → stub connector → closed)");
                    await app.StopAsync();
                    return new Outcome(broker, timed, submissions);
                }
                finally
                {
                    await bus.StopAsync();
                }
            }
        }
        finally
        {
            Directory.Delete(definitions, recursive: true);
            await TestDatabase.DropAsync(database);
            await BrokerCleanup.DeleteEngineQueuesAsync(prefix);
            await BrokerCleanup.DeleteAsync($"{prefix}bench-ping", StubConnector.QueueName(connector));
        }
    }

    // Submissions go in as fast as intake takes them; the clock stops when the last of them has closed.
    // Null when a submission was refused: its workflow would never close.
    private static async Task<Result?> TimeAsync(IntakePhase submissions, NpgsqlDataSource dataSource, int count, string phase)
    {
        var before = await ClosedAsync(dataSource);
        var watch = Stopwatch.StartNew();
        await submissions.RunAsync("(submissions)", count);
        if (submissions.Failures > 0)
            return null;
        long closed;
        while ((closed = await ClosedAsync(dataSource) - before) < count)
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(5))
                throw new TimeoutException($"Only {closed} of {count} workflows closed in 5 minutes.");
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
