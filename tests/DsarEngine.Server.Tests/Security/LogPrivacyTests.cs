using System.Collections.Concurrent;
using Dapper;
using DsarEngine.Server.Demo;
using DsarEngine.Server.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DsarEngine.Server.Tests.Security;

// No personal data in logs (issue 16): the demo's run, at the most verbose level every logger has, with the sample
// systems answering over the broker, letters rendered and mail sent, logs none of its subjects' e-mail addresses, names
// or identifiers, in any message or exception.
public sealed class LogPrivacyTests
{
    // Every line at every level, from every category, with its exception.
    private sealed class AllLines : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(
                LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }

    private sealed record Subject(string Reference, string? Email, string? Name, string Identities);

    [Test]
    public async Task A_demo_run_logs_no_subjects_address_name_or_identifier()
    {
        var credentials = Path.Combine(Path.GetTempPath(), $"dsar-demo-{Guid.NewGuid():N}.json");
        var logs = new AllLines();
        try
        {
            await using var engine = await EngineFactory.StartAsync(new Dictionary<string, string?>
            {
                ["Dsar:Demo:Seed"] = "true", ["Dsar:Demo:SampleConnectors"] = "true", ["Dsar:Demo:CredentialsFile"] = credentials,
            }, testServices: services =>
                services.AddLogging(logging => logging.AddProvider(logs).AddFilter<AllLines>(null, LogLevel.Trace)));
            // And a subject of our own through the public door: the submission, then the status read with its token.
            var submitted = await (await engine.CreateClient().SendAsync(Submissions.Post(Submissions.Valid("demo", "erasure"))))
                .ReadObjectAsync();
            var status = await engine.CreateClient().GetAsync(
                $"/api/v1/requests/{(string)submitted["reference"]!}?token={Uri.EscapeDataString((string)submitted["statusToken"]!)}");
            Assert.That(status.IsSuccessStatusCode, Is.True);
            var subjects = await SubjectsAsync(engine);
            // The demo's letter awaiting review is rendered once its workflow gets there: the run is whole by then.
            var deadline = System.Diagnostics.Stopwatch.StartNew();
            bool reached;
            while (!(reached = await ReviewReachedAsync(engine)) && deadline.Elapsed < TimeSpan.FromSeconds(90))
                await Task.Delay(100);
            var lines = logs.Lines.ToList();
            var secrets = subjects.SelectMany(s => new[] { s.Email, s.Name }.Concat(Identifiers(s.Identities)))
                .Where(v => v is { Length: >= 6 }).Select(v => v!).Distinct().ToList();
            var leaks = lines.SelectMany(l => secrets.Where(v => l.Contains(v, StringComparison.OrdinalIgnoreCase))
                .Select(v => $"'{v}' in: {l[..Math.Min(l.Length, 300)]}")).Take(5).ToList();
            using (Assert.EnterMultipleScope())
            {
                Assert.That(reached, Is.True, "the demo's letter awaiting review was rendered");
                Assert.That(subjects, Has.Count.GreaterThanOrEqualTo(9), "the demo's sample requests and ours");
                Assert.That(secrets, Has.Count.GreaterThanOrEqualTo(16), "their addresses and names at least");
                Assert.That(lines, Has.Count.GreaterThan(100), "a verbose log was captured");
                Assert.That(lines.Any(l => l.StartsWith("Debug", StringComparison.Ordinal)), "debug lines too");
                Assert.That(lines.Any(l => l.StartsWith("Information", StringComparison.Ordinal)), "information lines too");
                Assert.That(leaks, Is.Empty);
            }
        }
        finally
        {
            File.Delete(credentials);
        }
    }

    private static async Task<List<Subject>> SubjectsAsync(EngineFactory engine)
    {
        await using var c = new NpgsqlConnection(engine.ConnectionString);
        return (await c.QueryAsync<Subject>("""
            SELECT reference, subject ->> 'email' AS email, subject ->> 'name' AS name,
                coalesce(subject -> 'identities', '[]'::jsonb)::text AS identities
            FROM requests WHERE tenant_id = @TenantId
            """, new { DemoSeeder.TenantId })).AsList();
    }

    private static IEnumerable<string?> Identifiers(string identities) =>
        System.Text.Json.Nodes.JsonNode.Parse(identities)!.AsArray().Select(i => (string?)i!["value"]);

    private static async Task<bool> ReviewReachedAsync(EngineFactory engine)
    {
        await using var c = new NpgsqlConnection(engine.ConnectionString);
        return await c.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM workflow_instances WHERE tenant_id = @TenantId AND waiting_for = 'decision:review')",
            new { DemoSeeder.TenantId });
    }
}
