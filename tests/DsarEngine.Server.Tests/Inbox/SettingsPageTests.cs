using System.Net;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;

namespace DsarEngine.Server.Tests.Inbox;

// Settings → People as first rendered: an admin gets the invitation form and the Settings link; anyone else reads the
// list and is told they cannot change it (the actions themselves are refused by the services: StaffAccessTests).
public sealed class SettingsPageTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task An_admin_sees_the_invitation_form_and_the_settings_link()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var browser = await InboxSession.SignedInAsync(Engine, tenant, StaffRoles.Admin);
        var response = await browser.GetAsync("/inbox/settings/users");
        var page = await response.Content.ReadAsStringAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page,
                Does.Contain("Invite a person").And.Contain("href=\"/inbox/settings/users\"").And.Not.Contain("users-read-only"));
        }
    }

    [Test]
    public async Task An_auditor_reads_the_list_without_the_forms_or_the_settings_link()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var browser = await InboxSession.SignedInAsync(Engine, tenant, StaffRoles.Auditor);
        var page = await browser.GetStringAsync("/inbox/settings/users");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page, Does.Contain("users-read-only").And.Contain("Test auditor"));
            Assert.That(page, Does.Not.Contain("Invite a person").And.Not.Contain("href=\"/inbox/settings/users\""));
        }
    }

    [Test]
    public async Task The_sign_in_page_offers_the_forgotten_password_page()
    {
        var page = await InboxSession.Browser(Engine).GetStringAsync("/inbox/sign-in");
        Assert.That(page, Does.Contain("href=\"/inbox/account/forgot\""));
    }
}
