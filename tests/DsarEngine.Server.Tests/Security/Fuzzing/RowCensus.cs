using Dapper;
using Npgsql;

namespace DsarEngine.Server.Tests.Security.Fuzzing;

// Exact row counts of every table of the engine's database (count(*), not the statistics' estimates), to prove that a
// refused input stored nothing anywhere.
internal static class RowCensus
{
    private const string TablesSql = """
        SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name
        """;

    public static async Task<IReadOnlyDictionary<string, long>> TakeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        var tables = (await connection.QueryAsync<string>(TablesSql)).ToList();
        var sql = string.Join("\nUNION ALL\n",
            tables.Select(t => $"SELECT '{t.Replace("'", "''", StringComparison.Ordinal)}' AS name, count(*) AS rows FROM \"{t}\""));
        return (await connection.QueryAsync<(string Name, long Rows)>(sql)).ToDictionary(r => r.Name, r => r.Rows);
    }

    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
    [
        .. before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t))
            .Select(t => $"{t}: {before.GetValueOrDefault(t)} -> {after.GetValueOrDefault(t)}"),
    ];

    // Background work of accepted inputs (mail sent, the workflow's next step, the outbox relayed) settles before a census
    // is taken: the same counts twice, a second apart, within a bound.
    public static async Task<IReadOnlyDictionary<string, long>> SettledAsync(string connectionString, TimeSpan bound)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var last = await TakeAsync(connectionString);
        while (watch.Elapsed < bound)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = await TakeAsync(connectionString);
            if (Differences(last, now).Count == 0)
                return now;
            last = now;
        }
        var moving = Differences(last, await TakeAsync(connectionString));
        Assert.Fail($"The database did not settle within {bound}: {string.Join("; ", moving)}");
        return last;
    }
}
