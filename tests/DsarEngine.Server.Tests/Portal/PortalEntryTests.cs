using System.Net;
using DsarEngine.Server.Portal;
using DsarEngine.Server.Tests.TestData;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Portal;

// The way into the portal: the status link's token, exchanged once for a session cookie of this request only.
public sealed class PortalEntryTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task The_status_link_opens_a_session_and_redirects_to_the_page_without_the_token()
    {
        var subject = await PortalSubject.SubmitAsync(Engine);
        var browser = PortalBrowser.Open(Engine);

        var entered = await browser.EnterAsync(subject.Reference, subject.Token);
        var cookie = entered.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(PortalSession.CookieName, StringComparison.Ordinal));
        var page = await browser.GetAsync(entered.Headers.Location!.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(entered.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
            Assert.That(entered.Headers.Location!.ToString(), Is.EqualTo(subject.Page), "no token left in the address");
            Assert.That(cookie, Does.Contain("httponly").IgnoreCase.And.Contain("samesite=lax").IgnoreCase
                .And.Contain($"path=/portal/{subject.Reference}").IgnoreCase);
            Assert.That(cookie, Does.Not.Contain(subject.Token), "the cookie is protected, not the token");
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.H1, Is.EqualTo($"Your request {subject.Reference}"));
            Assert.That(page.Headings(), Is.SupersetOf(new[] { "Progress", "Messages", "Your answer" }));
            Assert.That(page.Response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }));
            Assert.That(page.Response.Headers.CacheControl!.NoStore, Is.True);
            Assert.That(page.Text, Does.Not.Contain(subject.Email));
        }
    }

    [Test]
    public async Task A_wrong_token_and_an_unknown_reference_answer_alike_with_404()
    {
        var subject = await PortalSubject.SubmitAsync(Engine);
        var browser = PortalBrowser.Open(Engine);

        var wrong = await PortalPage.ReadAsync(await browser.EnterAsync(subject.Reference, "not-the-token"));
        var unknown = await PortalPage.ReadAsync(await browser.EnterAsync("DSR-0000-0000-0000", subject.Token));
        var malformed = await PortalPage.ReadAsync(await browser.EnterAsync("not-a-reference", subject.Token));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(new[] { wrong.Status, unknown.Status, malformed.Status }, Has.All.EqualTo(HttpStatusCode.NotFound));
            Assert.That(unknown.Text, Is.EqualTo(wrong.Text));
            Assert.That(wrong.H1, Is.EqualTo("This link is not valid"));
            Assert.That(wrong.Response.Headers.Contains("Set-Cookie"), Is.False, "no session for a wrong token");
        }
    }

    [Test]
    public async Task Without_a_session_a_page_asks_to_open_the_e_mails_link_again_and_says_nothing_of_the_request()
    {
        var subject = await PortalSubject.SubmitAsync(Engine);
        var stranger = PortalBrowser.Open(Engine);

        var mine = await stranger.GetAsync(subject.Page);
        var unknown = await stranger.GetAsync("/portal/DSR-0000-0000-0000");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(mine.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(mine.H1, Is.EqualTo("Open the link in your e-mail again"));
            Assert.That(unknown.Status, Is.EqualTo(mine.Status));
            Assert.That(unknown.Text, Is.EqualTo(mine.Text));
        }
    }

    [Test]
    public async Task A_session_idle_longer_than_the_setting_has_ended()
    {
        var subject = await PortalSubject.SubmitAsync(Engine);
        var request = await Rows.SingleAsync<(Guid Id, Guid TenantId)>(Engine,
            "SELECT id, tenant_id FROM requests WHERE reference = @Reference", new { subject.Reference });
        var sessions = Engine.Services.GetRequiredService<PortalSession>();
        var now = TimeProvider.System.GetUtcNow();
        var fresh = sessions.Protect(new PortalTicket(request.TenantId, request.Id, now.AddMinutes(-40), now.AddMinutes(-29)));
        var idle = sessions.Protect(new PortalTicket(request.TenantId, request.Id, now.AddMinutes(-40), now.AddMinutes(-31)));

        var stillOpen = await WithCookieAsync(subject.Page, fresh);
        var ended = await WithCookieAsync(subject.Page, idle);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stillOpen.Status, Is.EqualTo(HttpStatusCode.OK), "29 minutes idle: the default 30 have not passed");
            Assert.That(ended.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(ended.H1, Is.EqualTo("Open the link in your e-mail again"));
            Assert.That(ended.Text, Does.Contain("30 minutes"));
        }
    }

    [Test]
    public async Task Another_requests_session_cookie_does_not_open_this_request()
    {
        var mine = await PortalSubject.SubmitAsync(Engine);
        var theirs = await PortalSubject.SubmitAsync(Engine);
        var cookie = (await PortalBrowser.Open(Engine).EnterAsync(mine.Reference, mine.Token)).Headers.GetValues("Set-Cookie")
            .Single(c => c.StartsWith(PortalSession.CookieName, StringComparison.Ordinal)).Split(';')[0].Split('=', 2)[1];

        var replayed = await WithCookieAsync(theirs.Page, cookie);
        var forged = await WithCookieAsync(theirs.Page, Engine.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("another purpose").Protect("{}"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(replayed.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(replayed.Text, Does.Not.Contain(theirs.Reference));
            Assert.That(forged.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }

    private static async Task<PortalPage> WithCookieAsync(string path, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"{PortalSession.CookieName}={value}");
        return await PortalPage.ReadAsync(await Engine.CreateClient().SendAsync(request));
    }
}
