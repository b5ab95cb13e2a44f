using System.Globalization;
using System.Text.Json;
using Dapper;
using DsarEngine.Benchmarks;
using DsarEngine.Tests.Shared;
using Npgsql;

// Intake and workflow throughput next to raw PostgreSQL and RabbitMQ ceilings measured in the same run.
// Usage: dotnet run -c Release --project tests/DsarEngine.Benchmarks -- [--requests N] [--workflows N] [--concurrency C] [--json PATH]
var requests = Arg("--requests", 3000);
var workflows = Arg("--workflows", 1000);
var concurrency = Arg("--concurrency", 16);
var database = await TestDatabase.CreateAsync("dsar_bench");
var prefix = new NpgsqlConnectionStringBuilder(database).Database + "-";
var definitions = EngineHost.DefinitionsFolder();
var results = new List<Result>();
try
{
    results.Add(await Baselines.PostgresCommitsAsync(database, requests, concurrency));
    results.Add(await Baselines.BrokerRoundTripsAsync($"{prefix}bench-ping", requests, concurrency));
    var (app, address) = await EngineHost.StartAsync(database, prefix, definitions);
    await using (app)
    {
        using var client = EnginePhases.Client(address, concurrency);
        await EnginePhases.IntakeAsync(client, Math.Min(200, requests), concurrency, "warm-up");
        results.Add(await EnginePhases.IntakeAsync(client, requests, concurrency, "intake POST /api/v1/requests (HTTP)"));
        await using (var c = new NpgsqlConnection(database))
            await c.ExecuteAsync("INSERT INTO connectors (tenant_id, name, actions, created_at) SELECT id, @prefix || 'bench', '{export}', now() FROM tenants WHERE slug = 'demo'", new { prefix = prefix.Replace('_', '-') });
        var connector = await EnginePhases.StartConnectorAsync(prefix.Replace('_', '-') + "bench");
        try
        {
            results.Add(await EnginePhases.WorkflowsAsync(client, database, workflows, concurrency));
        }
        finally
        {
            await connector.StopAsync();
        }
        await app.StopAsync();
    }
}
finally
{
    Directory.Delete(definitions, recursive: true);
    await TestDatabase.DropAsync(database);
}

Console.WriteLine();
Console.WriteLine($"{"phase",-52} {"ops",7} {"ops/s",9} {"p50 ms",8} {"p99 ms",8}");
foreach (var r in results)
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Phase,-52} {r.Operations,7} {r.PerSecond,9:F1} {r.P50Ms,8:F2} {r.P99Ms,8:F2}"));
var pg = results[0].PerSecond;
var broker = results[1].PerSecond;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"intake / raw commit throughput      = {results[2].PerSecond / pg:F2}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"workflows / raw commit throughput   = {results[3].PerSecond / pg:F3}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"workflows / broker round-trips      = {results[3].PerSecond / broker:F3}"));
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; concurrency {concurrency}");
if (Array.IndexOf(args, "--json") is var j and >= 0 && j + 1 < args.Length)
    await File.WriteAllTextAsync(args[j + 1], JsonSerializer.Serialize(results.Select(r => new { r.Phase, r.Operations, r.PerSecond, r.P50Ms, r.P99Ms })));

int Arg(string name, int fallback) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) && v > 0 ? v : fallback;
