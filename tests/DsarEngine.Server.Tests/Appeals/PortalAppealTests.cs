using System.Net;
using DsarEngine.Server.Tests.Portal;

namespace DsarEngine.Server.Tests.Appeals;

// The portal page of a refused request offers "Appeal this decision" where its law gives an appeal (VA, CO, CT), and the
// button makes the appeal through the intake; a GDPR refusal offers none (its remedy is the supervisory authority).
public sealed class PortalAppealTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task A_refused_Connecticut_request_is_appealed_from_its_portal_page()
    {
        var (_, reference, _, token) = await AppealDriver.RefusedAsync(Engine, "US-CT", "ctdpa");
        var browser = PortalBrowser.Open(Engine);
        Assert.That((await browser.EnterAsync(reference, token)).StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        var page = await browser.GetAsync($"/portal/{reference}");
        Assert.That(page.Headings(), Does.Contain("Appeal this decision"), page.Text);
        Assert.That(page.Text, Does.Contain("Connecticut").And.Contain("60 days"));

        var posted = await browser.PostAsync(page, "/appeal", new Dictionary<string, string> { ["why"] = "The data is mine." });
        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther), await posted.Content.ReadAsStringAsync());
        Assert.That(posted.Headers.Location?.ToString(), Does.EndWith("?done=appealed"));
        var after = await browser.GetAsync(posted.Headers.Location!.ToString());
        var appeal = System.Text.RegularExpressions.Regex.Match(after.Text, @"your appeal is (DSR-[0-9A-Z-]{14})");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(after.Text, Does.Contain("Your appeal is sent."));
            Assert.That(appeal.Success, Is.True, after.Text);
            Assert.That(after.Document.QuerySelector($"form[action$='/appeal']"), Is.Null, "one appeal only");
        }
    }

    [Test]
    public async Task A_refused_GDPR_request_offers_no_appeal()
    {
        var (_, reference, _, token) = await AppealDriver.RefusedAsync(Engine, "FR", "gdpr");
        var browser = PortalBrowser.Open(Engine);
        Assert.That((await browser.EnterAsync(reference, token)).StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        var page = await browser.GetAsync($"/portal/{reference}");
        Assert.That(page.Headings(), Does.Not.Contain("Appeal this decision").And.Contain("Your answer"));
    }
}
