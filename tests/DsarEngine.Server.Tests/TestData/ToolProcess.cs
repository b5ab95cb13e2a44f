using System.Diagnostics;

namespace DsarEngine.Server.Tests.TestData;

// A command that runs to its end (pg_dump, pg_restore, the engine's own operator commands): its exit code and output.
internal static class ToolProcess
{
    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> RunAsync(string file, IEnumerable<string> arguments, IDictionary<string, string>? environment = null,
        TimeSpan? limit = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} did not end in time.");
        }
        return new Result(process.ExitCode, await output + await errors);
    }

    // The PostgreSQL client programs of the server's major version (Debian's postgresql-15); DSAR_PG_BIN overrides.
    public static string PostgresTool(string name) =>
        Path.Combine(Environment.GetEnvironmentVariable("DSAR_PG_BIN") ?? "/usr/lib/postgresql/15/bin", name);

    // libpq's environment for a connection string: the password never appears on a command line.
    public static Dictionary<string, string> PostgresEnvironment(string connectionString)
    {
        var cs = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return new()
        {
            ["PGHOST"] = cs.Host ?? "127.0.0.1", ["PGPORT"] = cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGUSER"] = cs.Username ?? "dsar", ["PGPASSWORD"] = cs.Password ?? "", ["PGDATABASE"] = cs.Database ?? "postgres",
        };
    }
}
