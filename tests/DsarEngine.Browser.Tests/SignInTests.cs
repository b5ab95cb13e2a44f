using System.Text.RegularExpressions;
using DsarEngine.Workflows.Security;
using Microsoft.Playwright;

namespace DsarEngine.Browser.Tests;

// The inbox's door in a real browser: who is sent where, what each role sees once in, and the way out.
public sealed partial class SignInTests : BrowserTest
{
    private static readonly string[] Roles = [StaffRoles.Admin, StaffRoles.PrivacyOfficer, StaffRoles.Agent, StaffRoles.Auditor];

    [Test]
    public async Task An_anonymous_visit_to_the_inbox_lands_on_the_sign_in_page()
    {
        await Page.GotoAsync("/inbox");
        await Assertions.Expect(Page).ToHaveURLAsync(SignInUrl());
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to the inbox" })).ToBeVisibleAsync();
        await ScreenshotAsync("sign-in");
    }

    [TestCaseSource(nameof(Roles))]
    public async Task Each_role_signs_in_with_a_password_and_sees_the_inbox_with_its_role_in_the_app_bar(string role)
    {
        await SignInToInboxAsync(role);
        await Assertions.Expect(Page).ToHaveURLAsync(InboxUrl());
        await Assertions.Expect(AppBar()).ToContainTextAsync("· " + RoleName(role));
        await ScreenshotAsync("inbox");
    }

    [Test]
    public async Task A_wrong_password_shows_the_alert_and_stays_on_the_sign_in_page()
    {
        await SignInAsync(StaffRoles.Agent, "not the password at all");
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(
            "The organisation, e-mail address or password is not right.");
        await Assertions.Expect(Page).ToHaveURLAsync(SignInUrl());
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Inbox", Level = 1, Exact = true })).Not.ToBeVisibleAsync();
        await ScreenshotAsync("sign-in-refused");
    }

    [Test]
    public async Task Signing_out_returns_to_the_sign_in_page_and_the_inbox_asks_for_a_sign_in_again()
    {
        await SignInToInboxAsync(StaffRoles.PrivacyOfficer);
        await AppBar().GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(SignInUrl());
        await ScreenshotAsync("signed-out");
        await Page.GotoAsync("/inbox");
        await Assertions.Expect(Page).ToHaveURLAsync(SignInUrl());
        await Assertions.Expect(Page.GetByLabel("Organisation")).ToBeVisibleAsync();
    }

    private ILocator AppBar() => Page.Locator("header.mud-appbar");

    private static string RoleName(string role) => role switch
    {
        StaffRoles.Admin => "Admin",
        StaffRoles.PrivacyOfficer => "Privacy officer",
        StaffRoles.Agent => "Agent",
        _ => "Auditor",
    };

    [GeneratedRegex(@"/inbox/sign-in(\?|$)")]
    private static partial Regex SignInUrl();

    [GeneratedRegex(@"/inbox$")]
    private static partial Regex InboxUrl();
}
