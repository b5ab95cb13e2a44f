using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using DsarEngine.Server.Inbox;
using Npgsql;

namespace DsarEngine.Benchmarks;

// One line from EXPLAIN (ANALYZE, BUFFERS) of the exact SQL InboxQueries runs: its execution time, how each table is
// read (an index name, or a sequential scan) and the buffers the whole query touched, so a lost index shows in a run.
internal static partial class InboxPlan
{
    public static async Task<string> ExplainAsync(NpgsqlDataSource dataSource, Guid tenant, InboxQuery query)
    {
        var (sql, parameters) = InboxQueries.Build(tenant, query, TimeProvider.System.GetUtcNow());
        await using var c = await dataSource.OpenConnectionAsync();
        var lines = (await c.QueryAsync<string>("EXPLAIN (ANALYZE, BUFFERS) " + sql, parameters)).ToList();
        var time = lines.Select(l => ExecutionTime().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value ?? "?";
        var scans = lines.Select(l => Scan().Match(l)).Where(m => m.Success).Select(m => m.Value.Trim()).Distinct().ToList();
        var buffers = lines.Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("Buffers:", StringComparison.Ordinal)) ?? "Buffers: ?";
        var index = scans.Any(s => s.Contains("requests", StringComparison.Ordinal) && s.Contains("Index", StringComparison.Ordinal))
            ? "index scan on requests" : "NO index scan on requests";
        return string.Create(CultureInfo.InvariantCulture, $"execution {time} ms, {index} ({string.Join(", ", scans)}), {buffers}");
    }

    [GeneratedRegex(@"Execution Time: ([0-9.]+) ms")]
    private static partial Regex ExecutionTime();

    [GeneratedRegex(
        @"(Parallel )?(Seq Scan|Index Only Scan|Index Scan|Bitmap Index Scan|Bitmap Heap Scan)( Backward)?( using \S+)? on \S+")]
    private static partial Regex Scan();
}
