using DsarEngine.Server.Accounts;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Inbox;

// The services behind Settings → People check the admin role themselves, stay inside the admin's organisation, and
// never leave an organisation without an admin who can sign in.
public sealed class StaffAccessTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static StaffAccess Access => Engine.Services.GetRequiredService<StaffAccess>();

    private static StaffInvitations Invitations => Engine.Services.GetRequiredService<StaffInvitations>();

    private static StaffDirectory Directory => Engine.Services.GetRequiredService<StaffDirectory>();

    private static async Task<StaffMember> PersonAsync(TestTenant tenant, string email) =>
        (await Directory.ListAsync(tenant.Id, CancellationToken.None)).Single(p => p.Email == email);

    [TestCase(StaffRoles.PrivacyOfficer)]
    [TestCase(StaffRoles.Agent)]
    [TestCase(StaffRoles.Auditor)]
    public async Task Only_an_admin_may_invite_change_a_role_or_disable(string role)
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var email = await InboxSession.CreateUserAsync(Engine, tenant, StaffRoles.Agent);
        var person = await PersonAsync(tenant, email);
        var by = AccountPages.Principal(tenant, role);

        var invite = await Invitations.InviteAsync(by, "new-person@example.org", "New Person", StaffRoles.Admin, CancellationToken.None);
        var change = await Access.ChangeRoleAsync(by, person.Id, StaffRoles.Admin, CancellationToken.None);
        var disable = await Access.SetDisabledAsync(by, person.Id, true, CancellationToken.None);
        var after = await Directory.ListAsync(tenant.Id, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(new[] { invite.Outcome, change.Outcome, disable.Outcome }, Has.All.EqualTo(StaffChange.Refused));
            Assert.That(after.Select(p => p.Email), Is.EqualTo(new[] { email }), "nobody was invited");
            Assert.That(after.Single().Role, Is.EqualTo(StaffRoles.Agent));
            Assert.That(after.Single().LockoutEnd, Is.Null);
        }
    }

    [Test]
    public async Task An_admin_changes_a_role_and_disables_and_enables_a_person_of_their_organisation()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var email = await InboxSession.CreateUserAsync(Engine, tenant, StaffRoles.Agent);
        var person = await PersonAsync(tenant, email);
        var admin = AccountPages.Principal(tenant, StaffRoles.Admin);

        var changed = await Access.ChangeRoleAsync(admin, person.Id, StaffRoles.PrivacyOfficer, CancellationToken.None);
        var disabled = await Access.SetDisabledAsync(admin, person.Id, true, CancellationToken.None);
        var whileDisabled = await InboxSession.SignInAsync(InboxSession.Browser(Engine), tenant.Slug, email, InboxSession.Password);
        var enabled = await Access.SetDisabledAsync(admin, person.Id, false, CancellationToken.None);
        var afterEnabled = await InboxSession.SignInAsync(InboxSession.Browser(Engine), tenant.Slug, email, InboxSession.Password);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(new[] { changed.Outcome, disabled.Outcome, enabled.Outcome }, Has.All.EqualTo(StaffChange.Done));
            Assert.That((await PersonAsync(tenant, email)).Role, Is.EqualTo(StaffRoles.PrivacyOfficer));
            Assert.That(whileDisabled.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), "a disabled person cannot sign in");
            Assert.That(afterEnabled.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Redirect));
        }
    }

    [Test]
    public async Task An_admin_cannot_touch_a_person_of_another_organisation()
    {
        var mine = await TestTenant.CreateAsync(Engine);
        var theirs = await TestTenant.CreateAsync(Engine);
        var email = await InboxSession.CreateUserAsync(Engine, theirs, StaffRoles.Agent);
        var person = await PersonAsync(theirs, email);
        var admin = AccountPages.Principal(mine, StaffRoles.Admin);

        var change = await Access.ChangeRoleAsync(admin, person.Id, StaffRoles.Admin, CancellationToken.None);
        var disable = await Access.SetDisabledAsync(admin, person.Id, true, CancellationToken.None);
        var resend = await Invitations.ResendAsync(admin, person.Id, CancellationToken.None);
        var after = await PersonAsync(theirs, email);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(new[] { change.Outcome, disable.Outcome, resend.Outcome }, Has.All.EqualTo(StaffChange.NotFound));
            Assert.That(after.Role, Is.EqualTo(StaffRoles.Agent));
            Assert.That(after.LockoutEnd, Is.Null);
        }
    }

    [Test]
    public async Task The_last_admin_cannot_give_up_the_admin_role_but_can_once_another_admin_exists()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var email = await InboxSession.CreateUserAsync(Engine, tenant, StaffRoles.Admin);
        var self = await PersonAsync(tenant, email);
        var admin = AccountPages.Principal(tenant, StaffRoles.Admin, self.Id);

        var alone = await Access.ChangeRoleAsync(admin, self.Id, StaffRoles.Agent, CancellationToken.None);
        var disableSelf = await Access.SetDisabledAsync(admin, self.Id, true, CancellationToken.None);
        await InboxSession.CreateUserAsync(Engine, tenant, StaffRoles.Admin);
        var withAnother = await Access.ChangeRoleAsync(admin, self.Id, StaffRoles.Agent, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(alone.Outcome, Is.EqualTo(StaffChange.LastAdmin));
            Assert.That(disableSelf.Outcome, Is.EqualTo(StaffChange.Self));
            Assert.That(withAnother.Outcome, Is.EqualTo(StaffChange.Done));
            Assert.That((await PersonAsync(tenant, email)).Role, Is.EqualTo(StaffRoles.Agent));
        }
    }

    [Test]
    public async Task An_invitation_with_an_unknown_role_or_a_bad_address_is_refused_and_creates_nobody()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var admin = AccountPages.Principal(tenant, StaffRoles.Admin);
        var badRole = await Invitations.InviteAsync(admin, "someone@example.org", "Some One", "superuser", CancellationToken.None);
        var badAddress = await Invitations.InviteAsync(admin, "not an address", "Some One", StaffRoles.Agent, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(badRole.Outcome, Is.EqualTo(StaffChange.Invalid));
            Assert.That(badAddress.Outcome, Is.EqualTo(StaffChange.Invalid));
            Assert.That(await Directory.ListAsync(tenant.Id, CancellationToken.None), Is.Empty);
        }
    }
}
