using System.Diagnostics;
using System.Globalization;
using DsarEngine.Tests.Shared;
using Npgsql;

namespace DsarEngine.Benchmarks;

// The timer poller at volume (--timers N): N reminder timers, one per open request of an organisation bulk-loaded with
// its workflow instances, all due at one moment, fired by the engine's own TimerPoller (each runs its real signal:
// lock the instance, the executor, the journal entry, the timer marked fired, commit). Lateness is the timer row's
// fired_at (the poller's clock when it claimed the timer) minus the moment it fell due. Next to it, in the same run on
// the same database, the floor of any poller: a raw `DELETE … RETURNING` of N due rows, in claims of 1 (the poller's
// size) and of 100. Issue 16 asks for a p99 lateness under one second for 100,000 due timers.
internal static class TimerPhase
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    private const string BaselineTableSql = """
        CREATE TABLE bench_timers (id uuid PRIMARY KEY, due_at timestamptz NOT NULL);
        CREATE INDEX bench_timers_due ON bench_timers (due_at);
        """;

    private const string BaselineFillSql = """
        INSERT INTO bench_timers (id, due_at) SELECT gen_random_uuid(), now() - interval '1 second' FROM generate_series(1, @N);
        ANALYZE bench_timers;
        """;

    // As the poller claims: the earliest due rows, skipping those another poller holds; autocommitted.
    private const string BaselineClaimSql = """
        DELETE FROM bench_timers WHERE id IN
            (SELECT id FROM bench_timers WHERE due_at <= now() ORDER BY due_at LIMIT @Batch FOR UPDATE SKIP LOCKED)
        RETURNING extract(epoch FROM clock_timestamp())::float8 * 1000
        """;

    private const string TimersSql = """
        INSERT INTO timers (id, tenant_id, request_id, kind, step_id, due_at, created_at)
        SELECT gen_random_uuid(), tenant_id, request_id, 'reminder', '7',
            @Due + make_interval(secs => (row_number() OVER (ORDER BY request_id) - 1) * @Step), @Marker
        FROM workflow_instances WHERE tenant_id = @Tenant
        """;

    private const string ProgressSql = """
        SELECT count(*) FILTER (WHERE fired_at IS NOT NULL), count(*) FILTER (WHERE attempts > 0) FROM timers WHERE created_at = @Marker
        """;

    private const string LatenessSql = """
        SELECT extract(epoch FROM fired_at - due_at)::float8 * 1000 FROM timers WHERE created_at = @Marker AND fired_at IS NOT NULL
        ORDER BY 1
        """;

    public sealed record Lateness(string Phase, int Due, int Fired, double Seconds, double P50Ms, double P99Ms, double MaxMs)
    {
        public double PerSecond => Fired / Seconds;
    }

    // spread: 0, every timer due at one moment; otherwise their due moments spread evenly over that many seconds (a steady
    // rate of count/spread timers a second, as reminders and timeouts fall due in a working inbox).
    public static async Task RunAsync(string[] args, int count, int spread = 0)
    {
        var phase = Stopwatch.StartNew();
        var database = await TestDatabase.CreateAsync("dsar_bench");
        var prefix = new NpgsqlConnectionStringBuilder(database).Database + "-";
        var results = new List<Lateness>();
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(database);
            await using (var create = dataSource.CreateCommand(BaselineTableSql))
                await create.ExecuteNonQueryAsync();
            results.Add(await BaselineAsync(dataSource, count, 1));
            results.Add(await BaselineAsync(dataSource, count, 100));
            var (app, _) = await EngineHost.StartAsync(args, database, prefix);
            await using (app)
            {
                results.Add(await EngineAsync(dataSource, count, spread));
                await app.StopAsync();
            }
        }
        finally
        {
            await TestDatabase.DropAsync(database);
            await BrokerCleanup.DeleteEngineQueuesAsync(prefix);
        }
        Print(results, spread);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"timer phase: {phase.Elapsed.TotalSeconds:F1} s in all (database, baselines, load, engine)"));
    }

    private static async Task<Lateness> BaselineAsync(NpgsqlDataSource dataSource, int count, int batch)
    {
        await using (var fill = dataSource.CreateCommand(BaselineFillSql))
        {
            fill.CommandTimeout = 600;
            fill.Parameters.AddWithValue("N", count);
            await fill.ExecuteNonQueryAsync();
        }
        double start;
        await using (var clock = dataSource.CreateCommand("SELECT extract(epoch FROM clock_timestamp())::float8 * 1000"))
            start = (double)(await clock.ExecuteScalarAsync())!;
        var lateness = new List<double>(count);
        var watch = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var claim = new NpgsqlCommand(BaselineClaimSql, connection);
        claim.Parameters.AddWithValue("Batch", batch);
        await claim.PrepareAsync();
        int got;
        do
        {
            got = 0;
            await using var reader = await claim.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lateness.Add(reader.GetDouble(0) - start);
                got++;
            }
        } while (got > 0);
        watch.Stop();
        return Summarise($"raw DELETE … RETURNING, claims of {batch} (baseline)", count, lateness, watch.Elapsed.TotalSeconds);
    }

    private static async Task<Lateness> EngineAsync(NpgsqlDataSource dataSource, int count, int spread)
    {
        var tenant = Guid.NewGuid();
        var load = Stopwatch.StartNew();
        // Every request open (received within the last 366 days), each with a workflow instance at a waiting step.
        await InboxData.LoadTenantAsync(dataSource, tenant, "bench-timers", count, TimeProvider.System.GetUtcNow(), 0.37, 366);
        await using (var vacuum = dataSource.CreateCommand("VACUUM ANALYZE requests, workflow_instances"))
        {
            vacuum.CommandTimeout = 600;
            await vacuum.ExecuteNonQueryAsync();
        }
        load.Stop();
        // Due a little after the insert commits, so every timer is waiting when the moment comes; a marker tells them
        // from the timers the engine arms itself (a reminder that is early re-arms for its real date).
        var marker = TimeProvider.System.GetUtcNow().AddYears(-5);
        var due = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(5 + count / 20_000.0);
        await using (var insert = dataSource.CreateCommand(TimersSql))
        {
            insert.CommandTimeout = 600;
            insert.Parameters.AddWithValue("Due", due);
            insert.Parameters.AddWithValue("Step", (double)spread / count);
            insert.Parameters.AddWithValue("Marker", marker);
            insert.Parameters.AddWithValue("Tenant", tenant);
            await insert.ExecuteNonQueryAsync();
        }
        var committed = TimeProvider.System.GetUtcNow();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"timers: {count:N0} open requests and instances loaded in {load.Elapsed.TotalSeconds:F1} s; {count:N0} timers committed "
            + $"{(due - committed).TotalSeconds:F1} s before they fall due"));
        if (committed > due)
            Console.WriteLine("WARNING: the timers were committed after their due time; lateness includes the insert");
        var wait = due + TimeSpan.FromSeconds(spread) - TimeProvider.System.GetUtcNow();
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait);
        var watch = Stopwatch.StartNew();
        long fired = 0, retried = 0;
        while (watch.Elapsed < Patience)
        {
            (fired, retried) = await ProgressAsync(dataSource, marker);
            if (fired >= count)
                break;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        if (fired < count)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"timers: only {fired:N0} of {count:N0} fired within {Patience.TotalMinutes:F0} minutes; the figures are theirs"));
        if (retried > 0)
            Console.WriteLine($"timers: {retried} timers failed at least once and backed off");
        var lateness = new List<double>(count);
        await using (var read = dataSource.CreateCommand(LatenessSql))
        {
            read.CommandTimeout = 600;
            read.Parameters.AddWithValue("Marker", marker);
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                lateness.Add(reader.GetDouble(0));
        }
        // The engine's throughput: timers fired between the first due moment and the last firing (lateness is sorted in
        // Summarise; the last firing is at most the spread plus the greatest lateness).
        var seconds = lateness.Count == 0 ? 1 : Math.Max(spread + lateness.Max() / 1000, 0.001);
        return Summarise(spread == 0 ? "engine TimerPoller (reminder signal, journal entry, commit)"
            : $"engine TimerPoller, due over {spread} s ({(double)count / spread:F0}/s)", count, lateness, seconds);
    }

    private static async Task<(long Fired, long Retried)> ProgressAsync(NpgsqlDataSource dataSource, DateTimeOffset marker)
    {
        await using var command = dataSource.CreateCommand(ProgressSql);
        command.Parameters.AddWithValue("Marker", marker);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static Lateness Summarise(string phase, int due, List<double> lateness, double seconds)
    {
        lateness.Sort();
        return new Lateness(phase, due, lateness.Count, seconds, Rank(lateness, 0.50), Rank(lateness, 0.99),
            lateness.Count == 0 ? 0 : lateness[^1]);
    }

    // Nearest rank, as Measure does.
    private static double Rank(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static void Print(List<Lateness> results, int spread)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        var title = spread == 0 ? "timers (all due at one moment)" : "timers (baselines all due at once)";
        Console.WriteLine($"{title,-62} {"due",7} {"fired",7} {"fired/s",9} {"p50 ms",9} {"p99 ms",9} "
            + $"{"max ms",9} {"p99 < 1 s",9}");
        foreach (var r in results)
            Console.WriteLine(string.Create(c,
                $"{r.Phase,-62} {r.Due,7} {r.Fired,7} {r.PerSecond,9:F1} {r.P50Ms,9:F0} {r.P99Ms,9:F0} {r.MaxMs,9:F0} "
                + $"{(r.Fired == r.Due && r.P99Ms < 1000 ? "yes" : "NO"),9}"));
        if (results.Count == 3 && spread == 0)
            Console.WriteLine(string.Create(c,
                $"engine / raw claims of 1 (fired/s) = {results[2].PerSecond / results[0].PerSecond:F3}"));
    }
}
