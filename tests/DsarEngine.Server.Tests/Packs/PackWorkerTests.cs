using System.Net.Http.Json;
using System.Security.Cryptography;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Tests.Shared;
using Npgsql;

namespace DsarEngine.Server.Tests.Packs;

// Packs rendered by a separate process: an engine started as "engine" renders nothing itself; the render command waits
// in its durable queue while no renderer runs, and a "pack-renderer" process (the same binary) renders it on start.
public sealed class PackWorkerTests
{
    [Test]
    public async Task An_engine_leaves_packs_to_a_separate_renderer_process_and_the_pack_waits_for_it_while_it_is_down()
    {
        var keys = new Dictionary<string, string>
        {
            ["Dsar:Security:TokenKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Dsar:Security:DataKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        await using var engine = await EngineFactory.StartAsync(new Dictionary<string, string?>(keys.Select(k => KeyValuePair.Create(k.Key, (string?)k.Value)))
        {
            ["Dsar:Role"] = "engine",
        });
        var tenant = await TestTenant.CreateAsync(engine);
        var staff = tenant.Staff(engine, "privacy-officer");
        var reference = await RequestDriver.SubmitAsync(engine, tenant, "post-mortem-instructions");
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("identity"), "the identity step");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/identity", new { evidence = "Matched the account e-mail." });
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:assess"), "the assessment");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions", new { step = "assess", outcome = "proceed" });
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("pack"), "the render-pack step");
        await WaitUntilRelayedAsync(engine.ConnectionString);
        var waiting = await staff.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/v1/staff/requests/{reference}/workflow");

        await using var renderer = await EngineProcess.StartAsync(new Dictionary<string, string>(keys)
        {
            ["Dsar:Role"] = "pack-renderer",
            ["Dsar:Database:ConnectionString"] = engine.ConnectionString,
            ["Dsar:Bus:Url"] = TestDatabase.AmqpUrl,
            ["Dsar:Bus:EndpointPrefix"] = new NpgsqlConnectionStringBuilder(engine.ConnectionString).Database + "-",
        });
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:review"), "the review, once the worker rendered the pack");
        var letter = await staff.GetAsync($"/api/v1/staff/requests/{reference}/pack/letter.pdf");
        var (text, _, _) = await Poppler.ReadAsync(await letter.Content.ReadAsByteArrayAsync());
        using var health = new HttpClient { BaseAddress = renderer.BaseAddress };
        var api = await health.GetAsync("/api/v1/staff/requests");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)waiting!["waitingFor"], Is.EqualTo("pack"), "the command was sent, and the pack waited");
            Assert.That(engine.Services.GetRequiredService<DsarEngine.Server.Packs.PdfRenderer>().Launches, Is.Zero, "the engine never started a browser");
            Assert.That(text, Does.Contain(reference).And.Contain("directives"));
            Assert.That(api.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NotFound), "a renderer serves no API, only /health");
            Assert.That((await health.GetAsync("/health/ready")).StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
        }
    }

    // The render command has left the outbox for the broker (so only a consumer on the queue can take it from here).
    private static async Task WaitUntilRelayedAsync(string connectionString)
    {
        await using var c = new NpgsqlConnection(connectionString);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (await c.ExecuteScalarAsync<int>("SELECT count(*) FROM outbox WHERE message_type LIKE '%RenderResponsePack' AND sent_at IS NOT NULL") == 1)
                return;
            await Task.Delay(50);
        }
        Assert.Fail("The render command never left the outbox.");
    }
}
