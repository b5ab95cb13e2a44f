using DsarEngine.Workflows.Security;
using Microsoft.Playwright;

namespace DsarEngine.Browser.Tests;

// WCAG 2.1 AA as axe checks it (issue 13): no serious or critical violation on any screen; and the sign-in form works
// from the keyboard alone.
public sealed class AccessibilityTests : BrowserTest
{
    [Test]
    public async Task The_sign_in_page_has_no_serious_or_critical_axe_violations()
    {
        await Page.GotoAsync("/inbox/sign-in");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to the inbox" })).ToBeVisibleAsync();
        await ScreenshotAsync("sign-in");
        Assert.That(await SeriousViolationsAsync(), Is.Empty);
    }

    [Test]
    public async Task The_sign_in_page_with_its_error_has_no_serious_or_critical_axe_violations()
    {
        await SignInAsync(StaffRoles.Auditor, "not the password at all");
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await ScreenshotAsync("sign-in-refused");
        Assert.That(await SeriousViolationsAsync(), Is.Empty);
    }

    [Test]
    public async Task The_inbox_has_no_serious_or_critical_axe_violations()
    {
        await SignInToInboxAsync(StaffRoles.PrivacyOfficer);
        await Assertions.Expect(Page.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
        await ScreenshotAsync("inbox");
        Assert.That(await SeriousViolationsAsync(), Is.Empty);
    }

    [Test]
    public async Task Tab_reaches_the_sign_in_fields_and_button_in_order_and_Enter_signs_in()
    {
        await Page.GotoAsync("/inbox/sign-in");
        await Assertions.Expect(Page.GetByLabel("Organisation")).ToBeVisibleAsync();
        var reached = new List<string>();
        // From the page's start, Tab until the button (at most a few stops: nothing before the form should hold focus long).
        for (var i = 0; i < 10 && !reached.Contains("Sign in"); i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            reached.Add(await Page.EvaluateAsync<string>(
                "() => { const e = document.activeElement; " +
                "return e.labels?.[0]?.textContent?.trim() || e.textContent?.trim() || e.tagName; }"));
            if (reached[^1] == "Organisation")
                await Page.Keyboard.TypeAsync(BrowserEngine.Tenant.Slug);
            else if (reached[^1] == "E-mail address")
                await Page.Keyboard.TypeAsync(BrowserEngine.People[StaffRoles.Agent]);
            else if (reached[^1] == "Password")
                await Page.Keyboard.TypeAsync(Server.Tests.TestData.InboxSession.Password);
        }
        Assert.That(reached.Where(r => r is "Organisation" or "E-mail address" or "Password" or "Sign in"),
            Is.EqualTo(new[] { "Organisation", "E-mail address", "Password", "Sign in" }), $"focus went: {string.Join(" → ", reached)}");
        await Assertions.Expect(Page.Locator(":focus-visible")).ToHaveCountAsync(1);
        await ScreenshotAsync("button-focused");
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Inbox", Level = 1, Exact = true })).ToBeVisibleAsync();
        await ScreenshotAsync("inbox");
    }
}
