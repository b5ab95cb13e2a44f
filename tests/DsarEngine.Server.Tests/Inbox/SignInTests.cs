using System.Net;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;

namespace DsarEngine.Server.Tests.Inbox;

// The inbox's door: only a person of the organisation with the right password gets in, a wrong guess says nothing about
// which part was wrong, repeated guesses lock the account, and the inbox's cookie opens the inbox and nothing else.
public sealed class SignInTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task An_anonymous_visitor_is_sent_to_the_sign_in_page_with_the_page_asked_for()
    {
        var response = await InboxSession.Browser(Engine).GetAsync("/inbox");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(response.Headers.Location!.ToString(), Does.Contain("/inbox/sign-in?returnUrl=%2Finbox"));
        }
    }

    [Test]
    public async Task A_person_with_the_right_password_reaches_the_inbox_of_their_organisation()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var browser = await InboxSession.SignedInAsync(Engine, tenant, StaffRoles.PrivacyOfficer);
        var inbox = await browser.GetAsync("/inbox");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(inbox.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await inbox.Content.ReadAsStringAsync(), Does.Contain("<h1").And.Contain("Inbox"));
            Assert.That(inbox.Headers.CacheControl?.NoStore, Is.True);
            Assert.That(inbox.Headers.GetValues("Content-Security-Policy").Single(),
                Does.Contain("script-src 'self';").And.Contain("frame-ancestors 'none'").And.Not.Contain("unsafe-eval"));
        }
    }

    [Test]
    public async Task A_wrong_organisation_address_or_password_is_refused_with_one_message()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var real = await InboxSession.CreateUserAsync(Engine, tenant, StaffRoles.Agent);
        var answers = new List<string>();
        foreach (var (org, mail, pass) in new[]
        {
            ("wrong-org", real, InboxSession.Password), (tenant.Slug, "nobody@example.org", InboxSession.Password),
            (tenant.Slug, real, "not the password at all"),
        })
        {
            var browser = InboxSession.Browser(Engine);
            var response = await InboxSession.SignInAsync(browser, org, mail, pass);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var page = await response.Content.ReadAsStringAsync();
            answers.Add(
                page.Contains("The organisation, e-mail address or password is not right.", StringComparison.Ordinal) ? "refused" : page);
            Assert.That((await browser.GetAsync("/inbox")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "no session after a refusal");
        }
        Assert.That(answers, Has.All.EqualTo("refused"));
    }

    [Test]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var email = await InboxSession.CreateUserAsync(Engine, tenant, StaffRoles.Agent);
        for (var i = 0; i < 5; i++)
            await InboxSession.SignInAsync(InboxSession.Browser(Engine), tenant.Slug, email, $"wrong password number {i}");
        var response = await InboxSession.SignInAsync(InboxSession.Browser(Engine), tenant.Slug, email, InboxSession.Password);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("locked for 15 minutes"));
        }
    }

    [Test]
    public async Task The_same_address_in_another_organisation_is_another_account()
    {
        var first = await TestTenant.CreateAsync(Engine);
        var second = await TestTenant.CreateAsync(Engine);
        var email = await InboxSession.CreateUserAsync(Engine, first, StaffRoles.Agent);
        var response = await InboxSession.SignInAsync(InboxSession.Browser(Engine), second.Slug, email, InboxSession.Password);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK),
            "the password of the first organisation's account does not open the second");
    }

    [Test]
    public async Task The_inbox_cookie_does_not_authorise_an_api_call()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var browser = await InboxSession.SignedInAsync(Engine, tenant, StaffRoles.Admin);
        var response = await browser.GetAsync("/api/v1/staff/requests");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_return_address_outside_the_inbox_is_not_followed()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var email = await InboxSession.CreateUserAsync(Engine, tenant, StaffRoles.Agent);
        var response = await InboxSession.SignInAsync(InboxSession.Browser(Engine), tenant.Slug, email, InboxSession.Password,
            "https://evil.example/");
        Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo("/inbox"));
        Assert.That(response.Headers.Location?.Host, Is.EqualTo("localhost"));
    }

    [Test]
    public async Task A_sign_in_without_the_antiforgery_token_is_refused()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var email = await InboxSession.CreateUserAsync(Engine, tenant, StaffRoles.Agent);
        var browser = InboxSession.Browser(Engine);
        var response = await browser.PostAsync("/inbox/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in", ["Input.Organisation"] = tenant.Slug, ["Input.Email"] = email,
            ["Input.Password"] = InboxSession.Password,
        }));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await browser.GetAsync("/inbox")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        }
    }
}
