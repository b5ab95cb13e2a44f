using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Seeds;

// Seed 002 (AstraCRM) §13: "We respond to privacy inquiries within 5 business days" and "For urgent privacy matters, mark your
// email 'URGENT: Privacy'". The CRM sample sets its own 5-working-day target; every request shows it beside the legal date
// (152-FZ's 10 working days), and staff mark the urgent ones, which come first in the triage queue. Neither moves a legal date.
public sealed class CrmTriageTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task Requests_show_the_5_day_target_beside_the_legal_date_and_urgent_ones_come_first()
    {
        var tenant = await SampleOrganisations.CreateAsync(Engine, "crm-vendor");
        var agent = tenant.Staff(Engine, "agent");
        // Logged by staff three weeks after it came by e-mail: past the 5-day target, not yet marked.
        var late = Submissions.Valid(tenant.Slug);
        (late["channel"], late["receivedAt"]) = ("email", TimeProvider.System.GetUtcNow().AddDays(-21).ToString("O"));
        var lateResponse = await agent.SendAsync(Submissions.Post(late, path: "/api/v1/staff/requests"));
        Assert.That(lateResponse.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await lateResponse.Content.ReadAsStringAsync());
        var lateReference = (string)(await lateResponse.ReadObjectAsync())["reference"]!;
        var urgentReference = await RequestDriver.SubmitAsync(Engine, tenant, "erasure");
        var before = await agent.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{urgentReference}/triage");

        var blank = await agent.PutAsJsonAsync($"/api/v1/staff/requests/{urgentReference}/urgent", new { reason = " " });
        var byAuditor = await tenant.Staff(Engine, "auditor").PutAsJsonAsync($"/api/v1/staff/requests/{urgentReference}/urgent",
            new { reason = "E-mail marked URGENT: Privacy." });
        var unmarked = await agent.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{urgentReference}/triage");
        var marked = await agent.PutAsJsonAsync($"/api/v1/staff/requests/{urgentReference}/urgent",
            new { reason = "E-mail marked URGENT: Privacy." });
        var markedView = await marked.ReadObjectAsync();
        var queue = await tenant.Staff(Engine, "auditor").GetFromJsonAsync<JsonArray>("/api/v1/staff/triage");
        var journal = await agent.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{urgentReference}/journal");
        var stranger = await TestTenant.CreateAsync(Engine);
        var strangersView = await stranger.Staff(Engine, "admin").GetAsync($"/api/v1/staff/requests/{urgentReference}/triage");
        var strangersQueue = await stranger.Staff(Engine, "admin").GetFromJsonAsync<JsonArray>("/api/v1/staff/triage");
        var cleared = await agent.DeleteAsync($"/api/v1/staff/requests/{urgentReference}/urgent");
        var clearedAgain = await agent.DeleteAsync($"/api/v1/staff/requests/{urgentReference}/urgent");
        var after = await tenant.Staff(Engine, "auditor").GetFromJsonAsync<JsonArray>("/api/v1/staff/triage");

        var target = before!["target"]!;
        var (targetDue, legalDue) = (DateOnly.Parse((string)target["dueOn"]!), DateOnly.Parse((string)before["legalDue"]!));
        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)target["businessDays"]!, Is.EqualTo(5), "the CRM's own promise");
            Assert.That(targetDue, Is.LessThan(legalDue), "5 working days come before 152-FZ's 7 for erasure");
            Assert.That((int)target["daysLeft"]!, Is.InRange(5, 15));
            Assert.That((bool)target["overdue"]!, Is.False);
            Assert.That((bool)before["urgent"]!, Is.False);
            Assert.That(blank.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(byAuditor.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((bool)unmarked!["urgent"]!, Is.False, "a refused mark changes nothing");
            Assert.That(marked.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string)markedView["urgency"]!["reason"]!, Is.EqualTo("E-mail marked URGENT: Privacy."));
            Assert.That((string)markedView["legalDue"]!, Is.EqualTo((string)before["legalDue"]!), "no legal date moves");
            Assert.That(queue!.Select(v => (string)v!["reference"]!), Is.EqualTo(new[] { urgentReference, lateReference }),
                "urgent first, then past the target; the request within its target is not in the queue");
            Assert.That((bool)queue![1]!["target"]!["overdue"]!, Is.True);
            Assert.That(journal!["entries"]!.AsArray().Select(e => (string)e!["kind"]!), Does.Contain("marked-urgent"));
            Assert.That(journal.ToJsonString(), Does.Not.Contain("URGENT: Privacy"), "the journal keeps the fact, not the words");
            Assert.That(strangersView.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(strangersQueue, Is.Empty);
            Assert.That(cleared.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(clearedAgain.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(after!.Select(v => (string)v!["reference"]!), Is.EqualTo(new[] { lateReference }));
        }
    }

    [Test]
    public async Task The_target_is_an_admins_setting_between_1_and_60_working_days()
    {
        var tenant = await SampleOrganisations.CreateAsync(Engine, "crm-vendor");
        var admin = tenant.Staff(Engine, "admin");
        var tooLong = await admin.PutAsJsonAsync("/api/v1/staff/settings/triage", new { businessDays = 61 });
        var byOfficer = await tenant.Staff(Engine, "privacy-officer").PutAsJsonAsync("/api/v1/staff/settings/triage",
            new { businessDays = 3 });
        var kept = await admin.GetFromJsonAsync<JsonObject>("/api/v1/staff/settings/triage");
        var cleared = await admin.PutAsJsonAsync("/api/v1/staff/settings/triage", new { businessDays = (int?)null });
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "access");
        var view = await admin.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/triage");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(tooLong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(byOfficer.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((int)kept!["businessDays"]!, Is.EqualTo(5), "refused changes change nothing");
            Assert.That(cleared.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(view!["target"], Is.Null, "no target, none shown");
            Assert.That(view["legalDue"], Is.Not.Null);
        }
    }
}
