using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Tests.Shared;
using Npgsql;

namespace DsarEngine.Server.Tests.Packs;

// A render that never answers does not leave the request waiting without a timer: after Dsar:Packs:RenderTimeoutMinutes
// it needs attention. The letter rendered later (here: once a renderer process starts) is still taken.
public sealed class PackTimeoutTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string> Keys = new()
    {
        ["Dsar:Security:TokenKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Dsar:Security:DataKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };

    [Test]
    public async Task A_pack_not_rendered_in_time_needs_attention_and_the_letter_that_arrives_later_is_still_taken()
    {
        var time = new FakeTimeProvider(Start);
        // An engine that renders nothing itself, and no renderer running: the render command waits in its queue.
        await using var engine = await EngineFactory.StartAsync(
            new Dictionary<string, string?>(Keys.Select(k => KeyValuePair.Create(k.Key, (string?)k.Value)))
        {
            ["Dsar:Role"] = "engine", ["Dsar:Packs:RenderTimeoutMinutes"] = "30",
        }, time);
        var tenant = await TestTenant.CreateAsync(engine);
        var staff = tenant.Staff(engine, "privacy-officer");
        var reference = await RequestDriver.SubmitAsync(engine, tenant, "post-mortem-instructions");
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("identity"), "the identity step");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/identity", new { evidence = "Matched the account e-mail." });
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:assess"), "the assessment");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions", new { step = "assess", outcome = "proceed" });
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("pack"), "the render-pack step");

        time.Advance(TimeSpan.FromMinutes(31));
        var late = await TestData.Workflows.WaitForAsync(staff, reference, v => (string)v["status"]! == "needs-attention",
            "the render timeout");

        await using var renderer = await EngineProcess.StartAsync(new Dictionary<string, string>(Keys)
        {
            ["Dsar:Role"] = "pack-renderer",
            ["Dsar:Database:ConnectionString"] = engine.ConnectionString,
            ["Dsar:Bus:Url"] = TestDatabase.AmqpUrl,
            ["Dsar:Bus:EndpointPrefix"] = new NpgsqlConnectionStringBuilder(engine.ConnectionString).Database + "-",
        });
        var reviewed = await TestData.Workflows.WaitForAsync(staff, reference,
            v => (string?)v["waitingFor"] == "decision:review" && (string)v["status"]! == "waiting", "the late letter taken");
        var journal = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/journal");
        var rendered = journal!["entries"]!.AsArray().Single(e => (string)e!["kind"]! == "pack-rendered")!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)late["lastError"], Does.StartWith("The response pack was not rendered in time (30 minutes)."));
            Assert.That((string?)late["waitingFor"], Is.EqualTo("pack"));
            Assert.That(reviewed["lastError"], Is.Null);
            Assert.That((bool)rendered["data"]!["late"]!, Is.True, "journaled as late");
        }
    }
}
