using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Packs;

// A letter rejected at review is rendered again on retry, however many times: each render is a new command (before,
// the second one reused the first retry's id, the outbox dropped it, and the request waited for the pack forever).
public sealed class RenderAgainTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task A_letter_rejected_twice_is_rendered_again_each_time_and_reviewed_again()
    {
        await using var connector = await ExportingConnector.StartAsync($"again-{Guid.NewGuid():N}"[..14]);
        var tenant = await TestTenant.CreateAsync(Engine);
        await connector.ServeAsync(tenant.Slug);
        await RequestDriver.RegisterAsync(tenant.Staff(Engine, "admin"), connector.Name,
            new { displayName = "Orders", actions = new[] { "export" } });
        var staff = tenant.Staff(Engine, "privacy-officer");
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "access");
        await RequestDriver.ToFanOutAsync(staff, reference);
        var view = await TestData.Workflows.WaitForAsync(staff, reference, ReviewReady, "the first review");

        for (var rejection = 1; rejection <= 2; rejection++)
        {
            var rejected = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions",
                new { step = "review", outcome = "reject", reason = $"Rejection {rejection}: the orders table needs its note." });
            Assert.That(rejected.StatusCode, Is.EqualTo(HttpStatusCode.OK), await rejected.Content.ReadAsStringAsync());
            var retried = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/retry", new { reason = "Fixed." });
            Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.OK), await retried.Content.ReadAsStringAsync());
            var version = (int)(await retried.ReadObjectAsync())["version"]!;
            view = await TestData.Workflows.WaitForAsync(staff, reference, v => ReviewReady(v) && (int)v["version"]! > version,
                $"the review after rejection {rejection}");
        }
        var documents = await staff.GetFromJsonAsync<JsonArray>($"/api/v1/staff/requests/{reference}/documents");
        var commands = await Rows.ScalarAsync<long>(Engine, """
            SELECT count(*) FROM outbox o JOIN requests r ON r.id = o.request_id
            WHERE r.reference = @reference AND o.message_type LIKE '%RenderResponsePack' AND o.sent_at IS NOT NULL
            """, new { reference });
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)view["waitingFor"], Is.EqualTo("decision:review"));
            Assert.That(commands, Is.EqualTo(3), "one render command per letter, each sent");
            Assert.That(documents!.Count(d => (string)d!["kind"]! == "letter"), Is.EqualTo(3), "the renderer rendered every one");
        }
    }

    private static bool ReviewReady(JsonObject v) => (string?)v["waitingFor"] == "decision:review" && (string?)v["status"] == "waiting";
}
