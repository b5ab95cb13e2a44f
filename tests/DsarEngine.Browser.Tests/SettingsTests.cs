using DsarEngine.Workflows.Security;
using Microsoft.Playwright;

namespace DsarEngine.Browser.Tests;

// Settings → Connectors, Processing register, Request form, Regimes and closure days: each opens for an admin from the
// navigation, passes axe, and one change goes through the screen to the engine.
public sealed class SettingsTests : BrowserTest
{
    [TestCase("Connectors", "Connectors", "settings-connectors")]
    [TestCase("Processing register", "Processing register", "settings-register")]
    [TestCase("Request form", "Request form", "settings-form")]
    [TestCase("Regimes and closure days", "Regimes and closure days", "settings-regimes")]
    public async Task An_admin_opens_a_settings_screen_from_the_navigation(string link, string heading, string screen)
    {
        await SignInToInboxAsync(StaffRoles.Admin);
        await Page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1, Exact = true })).ToBeVisibleAsync();
        Assert.That(await SeriousViolationsAsync(), Is.Empty);
        await ScreenshotAsync(screen);
    }

    // The edit a web team asks for most: "our new site must be able to post the form". Saved on the screen, it passes
    // CORS at once.
    [Test]
    public async Task An_admin_allows_a_new_origin_on_the_request_form_screen_and_it_passes_cors()
    {
        var origin = $"https://{Guid.NewGuid():N}.example.org";
        await SignInToInboxAsync(StaffRoles.Admin);
        // Loaded whole: a link followed before the inbox's live connection is up can leave that connection on the inbox.
        await Page.GotoAsync("/inbox/settings/form");
        // The buttons wait for the live connection (a value typed into the server-rendered page would be lost when it
        // connects), which takes a few seconds on a loaded machine: waited for up to 30.
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Save the form settings" }))
            .ToBeEnabledAsync(new() { Timeout = 30_000 });
        var origins = Page.GetByRole(AriaRole.Textbox, new() { Name = "Web sites allowed to post the form, one per line" });
        await Assertions.Expect(origins).ToBeEditableAsync();
        var current = await origins.InputValueAsync();
        await origins.FillAsync(current.Length == 0 ? origin : $"{current}\n{origin}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save the form settings" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("only the listed web sites may post it");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("The form settings are saved");
        await ScreenshotAsync("settings-form-saved");

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/requests");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        var response = await BrowserEngine.Engine.CreateClient().SendAsync(preflight);
        Assert.That(response.Headers.TryGetValues("Access-Control-Allow-Origin", out var allowed) ? allowed : [],
            Is.EqualTo(new[] { origin }));
    }

    // An auditor reads the settings (issue 13: they read everything) and is offered no change.
    [Test]
    public async Task An_auditor_reads_the_connectors_screen_without_any_form()
    {
        await SignInToInboxAsync(StaffRoles.Auditor);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Connectors", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Only an admin can add, change or disable connectors")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Add connector" })).ToHaveCountAsync(0);
        Assert.That(await SeriousViolationsAsync(), Is.Empty);
        await ScreenshotAsync("settings-connectors-auditor");
    }
}
