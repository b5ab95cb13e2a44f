using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Connectors;

// A manual connector is a task a person completes; a failed task can be settled by hand or sent again.
public sealed class ManualTaskTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task A_person_completes_a_manual_erasure_with_what_was_kept_and_the_workflow_moves_on()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        await RequestDriver.RegisterAsync(tenant.Staff(Engine, "admin"), "paper-archive",
            new { kind = "manual", actions = new[] { "erase" }, displayName = "Paper archive" });
        var staff = tenant.Staff(Engine, "privacy-officer");
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "erasure");
        var fanned = await RequestDriver.ToFanOutAsync(staff, reference);
        var taskId = (string)RequestDriver.Task(fanned, "paper-archive")["taskId"]!;
        var url = $"/api/v1/staff/requests/{reference}/tasks/{taskId}/complete";

        var incomplete = await staff.PostAsJsonAsync(url, new { outcome = "partial", note = "Shredded the file." });
        var byAuditor = await tenant.Staff(Engine, "auditor").PostAsJsonAsync(url, new { outcome = "done", note = "x" });
        var unchanged = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/workflow");
        var done = await staff.PostAsJsonAsync(url, new
        {
            outcome = "partial", note = "Shredded the correspondence file; the signed contract stays in the legal archive.",
            retained = new[]
            {
                new { category = "contracts", legalBasis = "Code civil art. 2224 (5-year limitation period)", retainUntil = "2031-03-01" },
            },
        });
        var again = await staff.PostAsJsonAsync(url, new { outcome = "done", note = "twice" });
        var review = await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:review"),
            "the review");
        var task = RequestDriver.Task(review, "paper-archive");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(incomplete.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await incomplete.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "retained" }));
            Assert.That(byAuditor.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((string)RequestDriver.Task(unchanged!, "paper-archive")["status"]!, Is.EqualTo("sent"));
            Assert.That(done.StatusCode, Is.EqualTo(HttpStatusCode.OK), await done.Content.ReadAsStringAsync());
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That((string)task["status"]!, Is.EqualTo("completed-manually"));
            Assert.That((string)task["outcome"]!, Is.EqualTo("partial"));
            Assert.That((string)task["retained"]![0]!["legalBasis"]!, Does.StartWith("Code civil"));
            Assert.That(await Rows.ScalarAsync<long>(Engine,
                    "SELECT count(*) FROM outbox WHERE tenant_id = @Id AND destination LIKE '%paper-archive%'", new { tenant.Id }),
                Is.Zero);
        }
    }

    [Test]
    public async Task A_manual_export_is_stored_sealed_and_staff_can_read_it_back()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        await RequestDriver.RegisterAsync(tenant.Staff(Engine, "admin"), "shared-drive",
            new { kind = "manual", actions = new[] { "export" } });
        var staff = tenant.Staff(Engine, "privacy-officer");
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "access");
        var fanned = await RequestDriver.ToFanOutAsync(staff, reference);
        var taskId = (string)RequestDriver.Task(fanned, "shared-drive")["taskId"]!;
        var marker = $"Zoë Ångström {Guid.NewGuid():N}";
        var completed = await RequestDriver.CompleteWithExportAsync(staff, reference, taskId, "shared-drive", "Shared drive", marker);
        var document = await staff.GetStringAsync($"/api/v1/staff/requests/{reference}/tasks/{taskId}/export");
        var auditorRead = await tenant.Staff(Engine, "auditor").GetAsync($"/api/v1/staff/requests/{reference}/tasks/{taskId}/export");
        var plaintextRows = await Rows.ScalarAsync<long>(Engine,
            "SELECT count(*) FROM connector_exports WHERE tenant_id = @Id AND position(convert_to(@marker, 'UTF8') in sealed) > 0",
            new { tenant.Id, marker });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(completed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await completed.Content.ReadAsStringAsync());
            Assert.That((int)(await completed.ReadObjectAsync())["export"]!["records"]!, Is.EqualTo(1));
            Assert.That(document, Does.Contain(marker));
            Assert.That(auditorRead.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await Rows.CountAsync(Engine, "connector_exports", tenant.Id), Is.EqualTo(1));
            Assert.That(plaintextRows, Is.Zero);
        }
    }
}
