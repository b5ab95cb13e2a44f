using System.Net;
using Dapper;
using DsarEngine.Server.Accounts;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Mail;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DsarEngine.Server.Tests.Inbox;

// An admin invites a person by e-mail; the invitation travels the real SMTP path; its link lets the person choose a
// password once, and they sign in with the role they were given. The link's token is in that e-mail and nowhere else.
public sealed class InvitationTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static StaffInvitations Invitations => Engine.Services.GetRequiredService<StaffInvitations>();

    [Test]
    public async Task An_invited_person_chooses_a_password_from_the_e_mail_and_signs_in_with_the_invited_role()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var email = $"invited-{Guid.NewGuid():N}"[..20] + "@example.org";
        var invited = await Invitations.InviteAsync(AccountPages.Principal(tenant, StaffRoles.Admin), email, "Ines Invited",
            StaffRoles.Auditor, CancellationToken.None);
        Assert.That(invited.Outcome, Is.EqualTo(StaffChange.Done), string.Join(" ", invited.Errors));

        var mail = await MailCatcher.WaitForAsync(email, MailTemplates.StaffInvitation);
        var link = AccountPages.LinkIn(mail, "accept");
        var before = await InboxSession.SignInAsync(InboxSession.Browser(Engine), tenant.Slug, email, AccountPages.NewPassword);
        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK), "no password before the invitation is accepted");

        var accepted = await AccountPages.PostAsync(InboxSession.Browser(Engine), link, "accept-invitation",
            AccountPages.Password(AccountPages.NewPassword));
        var browser = InboxSession.Browser(Engine);
        var signIn = await InboxSession.SignInAsync(browser, tenant.Slug, email, AccountPages.NewPassword);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(accepted, Does.Contain("Your password is set."));
            Assert.That(mail.Body, Does.Contain(tenant.Slug).And.Contain("Auditor"));
            Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(await browser.GetStringAsync("/inbox"), Does.Contain("Ines Invited · Auditor"));
        }
    }

    [Test]
    public async Task An_invitation_link_works_once()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var email = $"twice-{Guid.NewGuid():N}"[..20] + "@example.org";
        await Invitations.InviteAsync(AccountPages.Principal(tenant, StaffRoles.Admin), email, "Tom Twice", StaffRoles.Agent,
            CancellationToken.None);
        var link = AccountPages.LinkIn(await MailCatcher.WaitForAsync(email, MailTemplates.StaffInvitation), "accept");
        await AccountPages.PostAsync(InboxSession.Browser(Engine), link, "accept-invitation",
            AccountPages.Password(AccountPages.NewPassword));

        var again = await InboxSession.Browser(Engine).GetStringAsync(link);
        var otherPassword = await InboxSession.SignInAsync(InboxSession.Browser(Engine), tenant.Slug, email,
            "someone else's password here");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(again, Does.Contain("expired or was already used").And.Not.Contain("Set my password"));
            Assert.That(otherPassword.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(
                (await InboxSession.SignInAsync(InboxSession.Browser(Engine), tenant.Slug, email, AccountPages.NewPassword)).StatusCode,
                Is.EqualTo(HttpStatusCode.Redirect), "the first password stands");
        }
    }

    [Test]
    public async Task The_invitation_token_is_stored_nowhere_and_the_mailbox_shows_a_placeholder()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var email = $"secret-{Guid.NewGuid():N}"[..20] + "@example.org";
        await Invitations.InviteAsync(AccountPages.Principal(tenant, StaffRoles.Admin), email, "Sam Secret", StaffRoles.Agent,
            CancellationToken.None);
        var link = AccountPages.LinkIn(await MailCatcher.WaitForAsync(email, MailTemplates.StaffInvitation), "accept");
        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);

        await using var db = new NpgsqlConnection(Engine.ConnectionString);
        var stored = (await db.QueryAsync<string>(
            "SELECT model::text FROM mail_messages WHERE to_address = @Email", new { Email = email })).ToList();
        var mailbox = Engine.Services.GetRequiredService<Mail.MailboxStore>();
        var renderer = Engine.Services.GetRequiredService<Mail.MailRenderer>();
        var staffView = await renderer.RenderAsync((await mailbox.ListAsync(tenant.Id, email, 1, CancellationToken.None))[0],
            Mail.MailAudience.Staff, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(token, Has.Length.GreaterThan(20));
            Assert.That(stored, Has.Count.EqualTo(1));
            Assert.That(stored[0], Does.Not.Contain(token[..20]));
            Assert.That(staffView.Body, Does.Contain(Mail.MailRenderer.LinkPlaceholder).And.Not.Contain("token="));
            Assert.That(Engine.Logs.Lines, Has.None.Contain(token[..20]));
        }
    }

    [Test]
    public async Task Invitation_links_last_the_configured_hours_and_reset_links_the_configured_minutes()
    {
        var invitation = Engine.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<InvitationTokenProviderOptions>>().Value;
        var reset = Engine.Services
            .GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Identity.DataProtectionTokenProviderOptions>>()
            .Value;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(invitation.TokenLifespan, Is.EqualTo(TimeSpan.FromHours(72)));
            Assert.That(reset.TokenLifespan, Is.EqualTo(TimeSpan.FromMinutes(60)));
            Assert.That(invitation.Name, Is.Not.EqualTo(reset.Name), "a reset token does not open an invitation");
        }
    }
}
