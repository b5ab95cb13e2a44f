using System.Net;
using Dapper;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Mail;
using DsarEngine.Workflows.Security;
using Npgsql;

namespace DsarEngine.Server.Tests.Inbox;

// "Forgot your password?": the answer never tells whether the person exists; the e-mailed link sets a new password
// once, and the old one stops working.
public sealed class PasswordResetTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static Task<string> ForgotAsync(string organisation, string email) =>
        AccountPages.PostAsync(InboxSession.Browser(Engine), "/inbox/account/forgot", "forgot-password",
            new Dictionary<string, string> { ["Input.Organisation"] = organisation, ["Input.Email"] = email });

    private static string Answer(string page)
    {
        var start = page.IndexOf("<p role=\"status\" id=\"forgot-sent\">", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), page);
        return page[start..page.IndexOf("</p>", start, StringComparison.Ordinal)];
    }

    [Test]
    public async Task A_request_for_an_unknown_address_answers_the_same_and_sends_nothing()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var known = await InboxSession.CreateUserAsync(Engine, tenant, StaffRoles.Agent);
        var unknown = $"nobody-{Guid.NewGuid():N}"[..20] + "@example.org";

        var forKnown = Answer(await ForgotAsync(tenant.Slug, known));
        var forUnknown = Answer(await ForgotAsync(tenant.Slug, unknown));
        await MailCatcher.WaitForAsync(known, MailTemplates.StaffPasswordReset);
        await using var db = new NpgsqlConnection(Engine.ConnectionString);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(forUnknown, Is.EqualTo(forKnown));
            Assert.That(
                await db.ExecuteScalarAsync<int>("SELECT count(*) FROM mail_messages WHERE to_address = @To", new { To = unknown }),
                Is.Zero);
            Assert.That(await MailCatcher.ListAsync(unknown), Is.Empty);
        }
    }

    [Test]
    public async Task A_reset_link_sets_a_new_password_once_and_the_old_one_stops_working()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var email = await InboxSession.CreateUserAsync(Engine, tenant, StaffRoles.PrivacyOfficer);
        await ForgotAsync(tenant.Slug.ToUpperInvariant(), email);
        var link = AccountPages.LinkIn(await MailCatcher.WaitForAsync(email, MailTemplates.StaffPasswordReset), "reset");

        var done = await AccountPages.PostAsync(InboxSession.Browser(Engine), link, "reset-password",
            AccountPages.Password(AccountPages.NewPassword));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(done, Does.Contain("Your new password is set"));
            Assert.That(
                (await InboxSession.SignInAsync(InboxSession.Browser(Engine), tenant.Slug, email, InboxSession.Password)).StatusCode,
                Is.EqualTo(HttpStatusCode.OK), "the old password no longer opens the inbox");
            Assert.That(
                (await InboxSession.SignInAsync(InboxSession.Browser(Engine), tenant.Slug, email, AccountPages.NewPassword)).StatusCode,
                Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(await InboxSession.Browser(Engine).GetStringAsync(link), Does.Contain("expired or was already used"));
        }
    }

    [Test]
    public async Task A_new_password_shorter_than_twelve_characters_is_refused_and_the_link_still_works()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var email = await InboxSession.CreateUserAsync(Engine, tenant, StaffRoles.Agent);
        await ForgotAsync(tenant.Slug, email);
        var link = AccountPages.LinkIn(await MailCatcher.WaitForAsync(email, MailTemplates.StaffPasswordReset), "reset");

        var refused = await AccountPages.PostAsync(InboxSession.Browser(Engine), link, "reset-password",
            AccountPages.Password("too short"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused, Does.Contain("Use at least 12 characters."));
            Assert.That(
                (await InboxSession.SignInAsync(InboxSession.Browser(Engine), tenant.Slug, email, InboxSession.Password)).StatusCode,
                Is.EqualTo(HttpStatusCode.Redirect), "nothing changed");
            Assert.That(await InboxSession.Browser(Engine).GetStringAsync(link), Does.Contain("Set my new password"));
        }
    }
}
