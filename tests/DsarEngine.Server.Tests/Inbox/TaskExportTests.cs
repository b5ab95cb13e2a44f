using System.Net;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;

namespace DsarEngine.Server.Tests.Inbox;

// The request page offers each connector task's export for download: the staff API's handler behind the inbox cookie,
// for the roles that work requests; an auditor and another organisation get nothing.
public sealed class TaskExportTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task An_officer_downloads_a_tasks_export_from_the_inbox_and_an_auditor_or_a_stranger_cannot()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        await RequestDriver.RegisterAsync(tenant.Staff(Engine, StaffRoles.Admin), "shared-drive",
            new { kind = "manual", actions = new[] { "export" } });
        var staff = tenant.Staff(Engine, StaffRoles.PrivacyOfficer);
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "access");
        var taskId = (string)RequestDriver.Task(await RequestDriver.ToFanOutAsync(staff, reference), "shared-drive")["taskId"]!;
        var marker = $"Zoë Ångström {Guid.NewGuid():N}";
        var completed = await RequestDriver.CompleteWithExportAsync(staff, reference, taskId, "shared-drive", "Shared drive", marker);
        Assert.That(completed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await completed.Content.ReadAsStringAsync());
        var path = $"/inbox/requests/{reference}/tasks/{taskId}/export";

        var officer = await (await InboxSession.SignedInAsync(Engine, tenant, StaffRoles.PrivacyOfficer)).GetAsync(path);
        var auditor = await (await InboxSession.SignedInAsync(Engine, tenant, StaffRoles.Auditor)).GetAsync(path);
        var stranger = await (await InboxSession.SignedInAsync(Engine, await TestTenant.CreateAsync(Engine), StaffRoles.Admin))
            .GetAsync(path);
        var page = await (await InboxSession.SignedInAsync(Engine, tenant, StaffRoles.PrivacyOfficer))
            .GetStringAsync($"/inbox/requests/{reference}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(officer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await officer.Content.ReadAsStringAsync(), Does.Contain(marker));
            Assert.That(officer.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
            Assert.That(auditor.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(stranger.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(page, Does.Contain(path), "the request page links the download");
        }
    }
}
