using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Settings;
using DsarEngine.Workflows.Deadlines;
using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DsarEngine.Browser.Tests;

// Settings → Applicable law, Identity checks, Retention and Legal holds: each opens from the navigation and passes axe; an
// admin's change made on the screen is what the staff API then reads; an auditor reads them with no form. The organisation
// is shared by every browser test, so each change is put back (or, for a hold, ended) before the test ends.
public sealed class SettingsLawTests : BrowserTest
{
    private static HttpClient Api => BrowserEngine.Tenant.Staff(BrowserEngine.Engine, StaffRoles.Auditor);

    private static T Service<T>() where T : notnull => BrowserEngine.Engine.Services.GetRequiredService<T>();

    [TestCase("Applicable law", "settings-law")]
    [TestCase("Identity checks", "settings-identity")]
    [TestCase("Retention", "settings-retention")]
    [TestCase("Legal holds", "settings-legal-holds")]
    [TestCase("Backup restores", "settings-backup-restores")]
    public async Task An_admin_opens_a_legal_settings_screen_from_the_navigation(string name, string screen)
    {
        await SignInToInboxAsync(StaffRoles.Admin);
        await OpenFromNavigationAsync(name);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1, Exact = true })).ToBeVisibleAsync();
        await WaitForLiveAsync();
        Assert.That(await SeriousViolationsAsync(), Is.Empty);
        await ScreenshotAsync(screen);
    }

    [TestCase("Applicable law", "law-read-only")]
    [TestCase("Identity checks", "identity-read-only")]
    [TestCase("Retention", "retention-read-only")]
    [TestCase("Legal holds", "holds-read-only")]
    [TestCase("Backup restores", "restores-read-only")]
    public async Task An_auditor_reads_a_legal_settings_screen_without_any_form(string name, string readOnly)
    {
        await SignInToInboxAsync(StaffRoles.Auditor);
        await OpenFromNavigationAsync(name);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1, Exact = true })).ToBeVisibleAsync();
        await WaitForLiveAsync();
        await Assertions.Expect(Page.Locator($"#{readOnly}")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("main .mud-input-control")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator("main button")).ToHaveCountAsync(0);
        Assert.That(await SeriousViolationsAsync(), Is.Empty);
        await ScreenshotAsync($"{readOnly}-auditor");
    }

    [Test]
    public async Task An_admin_adds_a_regime_by_residence_on_the_screen_and_the_api_reads_it()
    {
        var before = (await Service<LawSettingsAdmin>().FindAsync(BrowserEngine.Tenant.Id, CancellationToken.None))!;
        var n = before.Regimes!.Length + 1;
        try
        {
            await OpenLiveAsync("/inbox/settings/law", "Save the applicable law");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Add a regime", Exact = true }).ClickAsync();
            await ChooseAsync($"Regime {n}", "California CCPA/CPRA (ccpa)");
            await ChooseAsync($"Scope of regime {n}", "Residence: subjects who say they live in the places listed");
            await Page.GetByRole(AriaRole.Textbox, new() { Name = $"Places of regime {n}" }).FillAsync("US-CA");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Save the applicable law" }).ClickAsync();
            var dialog = Page.GetByRole(AriaRole.Dialog);
            await Assertions.Expect(dialog).ToContainTextAsync("for subjects in US-CA");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("The applicable law is saved");
            await ScreenshotAsync("settings-law-saved");

            var law = await Api.GetFromJsonAsync<JsonObject>("/api/v1/staff/settings/law");
            var ccpa = law!["regimes"]!.AsArray().Single(r => (string)r!["regime"]! == "ccpa")!;
            Assert.That(((string)ccpa["scope"]!, ccpa["locations"]!.AsArray().Select(l => (string)l!).Single()),
                Is.EqualTo((RegimeScopes.Residence, "US-CA")));
        }
        finally
        {
            await Service<LawSettingsAdmin>().SaveAsync(AdminPrincipal(), before, CancellationToken.None);
        }
    }

    [Test]
    public async Task An_admin_adds_an_identity_rule_on_the_screen_and_the_api_reads_it()
    {
        var store = Service<IdentityPolicyStore>();
        var before = (await store.FindAsync(BrowserEngine.Tenant.Id, CancellationToken.None))!;
        try
        {
            await OpenLiveAsync("/inbox/settings/identity", "Save the identity checks");
            await ChooseAsync("Rule's right", "Post-mortem instructions (France, LIL art. 85)");
            await ChooseAsync("Rule's channel", "post");
            await ChooseAsync("Rule's check", "Manual: a person checks");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Add the rule", Exact = true }).ClickAsync();
            await Page.GetByRole(AriaRole.Button, new() { Name = "Save the identity checks" }).ClickAsync();
            var dialog = Page.GetByRole(AriaRole.Dialog);
            await Assertions.Expect(dialog).ToContainTextAsync("identity step from now on");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("The identity checks are saved");
            await ScreenshotAsync("settings-identity-saved");

            var policy = await Api.GetFromJsonAsync<JsonObject>("/api/v1/staff/settings/identity");
            Assert.That(policy!["rules"]!.AsArray().Select(r => ((string?)r!["check"], (string?)r["right"], (string?)r["channel"])),
                Does.Contain((IdentityChecks.Manual, (string?)"post-mortem-instructions", (string?)"post")));
        }
        finally
        {
            await store.SaveAsync(BrowserEngine.Tenant.Id, before, CancellationToken.None);
        }
    }

    [Test]
    public async Task An_admin_adds_and_ends_a_legal_hold_on_the_screen_and_the_api_reads_both()
    {
        var category = $"ledger-{Guid.NewGuid():N}"[..15];
        await OpenLiveAsync("/inbox/settings/legal-holds", "Add the legal hold");
        await Page.GetByRole(AriaRole.Textbox, new() { Name = "Data category kept" }).FillAsync(category);
        await Page.GetByRole(AriaRole.Textbox, new() { Name = "Legal basis" }).FillAsync("Commercial Code L123-22: 10 years");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add the legal hold" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync($"keep '{category}' in every system");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("is in force");
        var added = await HoldAsync(category);

        await Page.GetByRole(AriaRole.Button, new() { Name = $"End the hold on {category}", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "End", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("is ended");
        await ScreenshotAsync("settings-legal-holds-ended");
        var ended = await HoldAsync(category);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)added["legalBasis"]!, Is.EqualTo("Commercial Code L123-22: 10 years"));
            Assert.That(added["endedAt"], Is.Null);
            Assert.That(added["systems"]!.AsArray(), Is.Empty, "every system");
            Assert.That(ended["endedAt"], Is.Not.Null);
        }
    }

    // A disabled connector: no other test's request fans out to it, and its restore erases nobody again.
    [Test]
    public async Task An_admin_records_a_restore_on_the_screen_and_the_api_reads_it()
    {
        var name = $"restored-{Guid.NewGuid():N}"[..17];
        var connector = new DsarEngine.Server.Connectors.ConnectorBody(["erase"], 24, false, "bus", "Restored system", [name], ["contact"],
            [], false, null, new DsarEngine.Server.Connectors.BusBinding("restored-service"));
        var saved = await Service<DsarEngine.Server.Connectors.ConnectorAdmin>().SaveAsync(AdminPrincipal(), name, connector,
            CancellationToken.None);
        Assert.That(saved.Result.Outcome, Is.EqualTo(SettingsChange.Done), saved.Message);
        await OpenLiveAsync("/inbox/settings/backup-restores", "Record the restore");
        await ChooseAsync("System restored", name);
        await Page.GetByLabel("Backup taken at (UTC)").FillAsync("2026-11-30T02:00");
        await Page.GetByRole(AriaRole.Textbox, new() { Name = "Note" }).FillAsync("Disk failure; restored from the nightly backup.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record the restore" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync($"that {name} carried out after 2026-11-30 02:00 UTC");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"The restore of {name} is recorded: 0 erasures");
        await Assertions.Expect(Page.GetByRole(AriaRole.Cell, new() { Name = name, Exact = true })).ToBeVisibleAsync();
        Assert.That(await SeriousViolationsAsync(), Is.Empty);
        await ScreenshotAsync("settings-backup-restores-recorded");
        var restore = (await Api.GetFromJsonAsync<JsonArray>("/api/v1/staff/backup-restores"))!
            .Single(r => (string)r!["connector"]! == name)!;
        Assert.That(((string)restore["backupTakenAt"]!, (string)restore["note"]!),
            Is.EqualTo(("2026-11-30T02:00:00+00:00", "Disk failure; restored from the nightly backup.")));
    }

    private static async Task<JsonObject> HoldAsync(string category) =>
        (await Api.GetFromJsonAsync<JsonArray>("/api/v1/staff/legal-holds"))!.Single(h => (string)h!["category"]! == category)!
            .AsObject();

    private static System.Security.Claims.ClaimsPrincipal AdminPrincipal() => new(new System.Security.Claims.ClaimsIdentity(
    [
        new(System.Security.Claims.ClaimTypes.Name, $"{BrowserEngine.Tenant.Slug}/test-cleanup"),
        new(StaffClaims.TenantId, BrowserEngine.Tenant.Id.ToString()),
        new(System.Security.Claims.ClaimTypes.Role, StaffRoles.Admin),
    ], "test"));

    // Loaded whole, then the action button waited for: it is enabled once the page's live connection is up (a value typed
    // into the server-rendered page would be lost when it connects), which takes a few seconds on a loaded machine.
    private async Task OpenLiveAsync(string path, string button)
    {
        await SignInToInboxAsync(StaffRoles.Admin);
        await Page.GotoAsync(path);
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = button })).ToBeEnabledAsync(new() { Timeout = 30_000 });
    }

    // The navigation lists the screen; the page is then loaded whole (a link followed while a busy machine is still bringing
    // the inbox's live connection up can be lost, and this test is about the screen, not that race).
    private async Task OpenFromNavigationAsync(string name)
    {
        var link = Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
        await Assertions.Expect(link).ToBeVisibleAsync();
        await Page.GotoAsync((await link.GetAttributeAsync("href"))!);
    }

    // A MudSelect: its combobox opened, then the option clicked by its exact name.
    private async Task ChooseAsync(string select, string option)
    {
        await Page.GetByRole(AriaRole.Combobox, new() { Name = select, Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }
}
