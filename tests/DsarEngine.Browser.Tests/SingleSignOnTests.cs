using System.Text.RegularExpressions;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;
using Microsoft.Playwright;

namespace DsarEngine.Browser.Tests;

// Single sign-on in a real browser: from the sign-in page through the organisation's IdP (a test provider on loopback)
// into the inbox with the role the groups give, and the admin's settings screen.
public sealed partial class SingleSignOnTests : BrowserTest
{
    [Test]
    public async Task A_person_in_the_officer_group_signs_in_through_the_organisation_and_works_as_privacy_officer()
    {
        var tenant = await TestTenant.CreateAsync(BrowserEngine.Engine);
        await using var idp = await TestOpenIdProvider.StartAsync();
        idp.SignedIn = idp.SignedIn with { Groups = ["dpo-team"] };
        await SsoSession.ConfigureAsync(BrowserEngine.Engine, tenant, idp,
            new Dictionary<string, string> { ["dpo-team"] = StaffRoles.PrivacyOfficer });

        await Page.GotoAsync("/inbox/sign-in");
        await Page.GetByLabel("Short name").FillAsync(tenant.Slug);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue to single sign-on" }).ClickAsync();

        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Inbox", Level = 1, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(InboxUrl());
        await Assertions.Expect(Page.Locator("header.mud-appbar")).ToContainTextAsync("Sam Single · Privacy officer");
        await ScreenshotAsync("inbox-after-sso");
    }

    [Test]
    public async Task A_person_in_no_mapped_group_sees_the_refusal_and_stays_out()
    {
        var tenant = await TestTenant.CreateAsync(BrowserEngine.Engine);
        await using var idp = await TestOpenIdProvider.StartAsync();
        idp.SignedIn = idp.SignedIn with { Groups = ["marketing"] };
        await SsoSession.ConfigureAsync(BrowserEngine.Engine, tenant, idp,
            new Dictionary<string, string> { ["dpo-team"] = StaffRoles.PrivacyOfficer });

        await Page.GotoAsync($"/inbox/sso/start?org={tenant.Slug}");
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("does not place you in any group");
        Assert.That(await SeriousViolationsAsync(), Is.Empty);
        await ScreenshotAsync("sso-refused");
        await Page.GotoAsync("/inbox");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/inbox/sign-in"));
    }

    [Test]
    public async Task An_admin_sets_up_single_sign_on_on_an_accessible_screen_that_never_shows_the_secret()
    {
        await SignInToInboxAsync(StaffRoles.Admin);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Single sign-on" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Single sign-on", Level = 1 })).ToBeVisibleAsync();
        await Page.GetByLabel("Issuer URL").FillAsync("https://login.example.org/realms/privacy");
        await Page.GetByLabel("Client id").FillAsync("dsar-inbox");
        await Page.GetByLabel("Client secret").FillAsync("browser-secret-value");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add a group" }).ClickAsync();
        await Page.GetByLabel("Group 1", new() { Exact = true }).FillAsync("dpo-team");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#sso-message")).ToContainTextAsync("Saved. Single sign-on is off.");
        await Assertions.Expect(Page.GetByText("A secret is stored (sealed)")).ToBeVisibleAsync();
        Assert.That(await Page.ContentAsync(), Does.Not.Contain("browser-secret-value"));
        Assert.That(await SeriousViolationsAsync(), Is.Empty);
        await ScreenshotAsync("sso-settings");
    }

    [Test]
    public async Task An_auditor_is_told_the_settings_are_the_admins()
    {
        await SignInToInboxAsync(StaffRoles.Auditor);
        await Page.GotoAsync("/inbox/settings/single-sign-on");
        await Assertions.Expect(Page.Locator("#sso-admin-only")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByLabel("Issuer URL")).Not.ToBeVisibleAsync();
    }

    [GeneratedRegex(@"/inbox$")]
    private static partial Regex InboxUrl();
}
