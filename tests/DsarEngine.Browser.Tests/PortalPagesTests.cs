using DsarEngine.Server.Tests.TestData;
using Microsoft.Playwright;

namespace DsarEngine.Browser.Tests;

// The subject's portal in a real browser (issue 14): the status link from the e-mail opens it, every screen is saved and
// checked with axe (no serious or critical violation), and the error summary after an empty reply takes the focus to it.
public sealed class PortalPagesTests : BrowserTest
{
    [Test]
    public async Task Every_portal_screen_has_no_serious_or_critical_axe_violations()
    {
        var body = Submissions.Valid(BrowserEngine.Tenant.Slug);
        body["language"] = "en";
        var accepted = await (await BrowserEngine.Engine.CreateClient().SendAsync(Submissions.Post(body))).ReadObjectAsync();
        var reference = (string)accepted["reference"]!;

        await Page.GotoAsync((string)accepted["statusUrl"]!);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Your request {reference}", Level = 1 }))
            .ToBeVisibleAsync();
        Assert.That(Page.Url, Does.Not.Contain("token="), "the token left the address bar");
        await ScreenshotAsync("portal");
        Assert.That(await SeriousViolationsAsync(), Is.Empty, "the request's page");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Send reply", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Write your reply.");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Write your reply." }).ClickAsync();
        await Assertions.Expect(Page.GetByLabel("Your reply", new() { Exact = true })).ToBeFocusedAsync();
        await ScreenshotAsync("reply-refused");
        Assert.That(await SeriousViolationsAsync(), Is.Empty, "the page with its error summary");

        foreach (var (path, screen) in new[] { ("identity", "identity"), ("answer", "answer"), ("withdraw", "withdraw") })
        {
            await Page.GotoAsync($"/portal/{reference}/{path}");
            await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 2 }).First).ToBeVisibleAsync();
            await ScreenshotAsync(screen);
            Assert.That(await SeriousViolationsAsync(), Is.Empty, screen);
        }
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Yes, withdraw my request" })).ToBeVisibleAsync();
    }
}
