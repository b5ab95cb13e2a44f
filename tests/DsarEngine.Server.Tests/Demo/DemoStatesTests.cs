using DsarEngine.Server.Demo;
using Npgsql;
using Dapper;

namespace DsarEngine.Server.Tests.Demo;

// Issue 13: a newcomer signing in to the demo finds a request in each state the inbox shows.
public sealed class DemoStatesTests
{
    private sealed record Row(string Reference, string Status, string? InstanceStatus, string? WaitingFor, bool Overdue);

    private const string StatesSql = """
        SELECT r.reference, r.status, w.status AS instance_status, w.waiting_for, (r.due_at < now()) AS overdue
        FROM requests r LEFT JOIN workflow_instances w ON w.request_id = r.id
        WHERE r.tenant_id = @TenantId ORDER BY r.reference
        """;

    private static async Task<List<Row>> StatesAsync(EngineFactory engine)
    {
        await using var c = new NpgsqlConnection(engine.ConnectionString);
        return (await c.QueryAsync<Row>(StatesSql, new { DemoSeeder.TenantId })).AsList();
    }

    // Polls the demo's rows until the awaiting-review sample reached its review step, or the deadline passes (it only bounds a
    // hang: a PDF render on the busy shared machine has taken over 30 s).
    private static async Task<List<Row>> ReviewRenderedAsync(EngineFactory engine)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        var rows = await StatesAsync(engine);
        while (!rows.Any(r => r.WaitingFor == "decision:review") && deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(100);
            rows = await StatesAsync(engine);
        }
        return rows;
    }

    [Test]
    public async Task A_fresh_demo_has_a_request_in_every_state_of_the_inbox_and_a_second_start_adds_nothing()
    {
        var credentials = Path.Combine(Path.GetTempPath(), $"dsar-demo-{Guid.NewGuid():N}.json");
        var settings = new Dictionary<string, string?>
        {
            ["Dsar:Demo:Seed"] = "true", ["Dsar:Demo:SampleConnectors"] = "true", ["Dsar:Demo:CredentialsFile"] = credentials,
        };
        try
        {
            await using var engine = await EngineFactory.StartAsync(settings);
            // The letter awaiting review is rendered once the host runs (the pack renderer answers over the bus): wait for it.
            var first = await ReviewRenderedAsync(engine);
            await using var again = EngineFactory.Join(engine, settings);
            var second = await StatesAsync(engine);
            string Open(Row r) => r.Overdue ? "overdue" : r.WaitingFor ?? r.Status;
            using (Assert.EnterMultipleScope())
            {
                Assert.That(first.Select(r => r.Status), Is.SupersetOf(new[] { "awaiting-identity", "in-progress", "closed" }));
                Assert.That(first.Where(r => r.Status != "closed").Select(Open),
                    Is.SupersetOf(new[] { "identity", "decision:assess", "connectors", "overdue", "decision:review" }));
                Assert.That(first.Select(r => r.InstanceStatus), Contains.Item("needs-attention"));
                Assert.That(first, Has.Count.EqualTo(8), "the default sample count shows one of each state");
                Assert.That(first.Where(r => r.InstanceStatus == "pending"), Is.Empty, "every sample's workflow was started");
                Assert.That(second.Select(r => (r.Reference, r.Status, r.WaitingFor)),
                    Is.EqualTo(first.Select(r => (r.Reference, r.Status, r.WaitingFor))));
            }
        }
        finally
        {
            File.Delete(credentials);
        }
    }
}
