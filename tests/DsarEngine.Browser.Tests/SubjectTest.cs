using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DsarEngine.Server.Subjects;
using DsarEngine.Server.Tests;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;
using Microsoft.Playwright;

namespace DsarEngine.Browser.Tests;

// A test of the subject's door: the shop's privacy page on its own origin (BrowserEngine.Shop), the engine's form in the
// frame embed.js inserts there, the mail catcher, and the portal on the engine's origin. Labels are the engine's own
// texts in the page's language (SubjectText), so a page in the wrong language fails to find them.
public abstract partial class SubjectTest : BrowserTest
{
    // The nine rights the form offers by default, in its order.
    protected static readonly string[] Rights =
    [
        "access", "rectification", "erasure", "restriction", "portability", "objection", "consent-withdrawal", "post-mortem-instructions",
        "automated-decision-review",
    ];

    // The shop's privacy page in a language (English at /privacy, the others under their prefix), on the allowed origin or
    // another site.
    protected static string ShopPage(string language, Uri? site = null) =>
        new Uri(site ?? BrowserEngine.Shop, language == "en" ? "privacy" : $"{language}/privacy").ToString();

    private protected static SubjectText Text(string language) => new(language);

    // The engine whose form the shop embeds (a test with an engine of its own says which).
    protected virtual Uri Engine => BrowserEngine.BaseAddress;

    // The frame embed.js puts after its script tag, on the engine's origin.
    protected IFrameLocator Form => Page.FrameLocator($"iframe[src^='{Engine}form/']");

    // What the page's CSP refused, as Chromium reports it on the console ("Refused to load …", "Refused to frame …").
    protected List<string> WatchPolicy()
    {
        var refused = new List<string>();
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                refused.Add(message.Text);
        };
        return refused;
    }

    // The shop's page with the form shown in its frame, in the language of the page.
    protected async Task OpenFormAsync(string language, Uri? site = null)
    {
        await Page.GotoAsync(ShopPage(language, site));
        await Assertions.Expect(Form.GetByRole(AriaRole.Button, new() { Name = Text(language)["Form.Submit"] })).ToBeVisibleAsync();
    }

    // An accessible name that starts with the text: labels end with "(required)" or "(optional)" in the page's language.
    protected static Regex Starting(string text) => new($"^{Regex.Escape(text)}", RegexOptions.None, TimeSpan.FromSeconds(1));

    // Fills what a right needs beyond the e-mail address, as a person would (choices by their labels).
    protected async Task FillForRightAsync(string language, string right, string email)
    {
        var text = Text(language);
        await Form.GetByRole(AriaRole.Radio, new() { Name = text[$"Form.Right.{right}"], Exact = true }).CheckAsync();
        await Form.GetByRole(AriaRole.Textbox, new() { NameRegex = Starting(text["Form.Email"]) }).FillAsync(email);
        switch (right)
        {
            case "rectification":
                await Form.GetByRole(AriaRole.Combobox, new() { NameRegex = Starting(text.Format("Form.ChangeField", 1)) })
                    .SelectOptionAsync(new SelectOptionValue { Label = text["Form.Field.postal-address"] });
                await Form.GetByRole(AriaRole.Textbox, new() { NameRegex = Starting(text.Format("Form.ChangeValue", 1)) })
                    .FillAsync("12 rue des Lilas, 69003 Lyon");
                break;
            case "objection":
            case "consent-withdrawal":
                var legend = right == "objection" ? "Form.ObjectionLegend" : "Form.ConsentLegend";
                await Form.GetByRole(AriaRole.Group, new() { NameRegex = Starting(text[legend]) })
                    .GetByRole(AriaRole.Radio, new() { Name = text["Form.Purpose.direct-marketing"] }).CheckAsync();
                break;
            case "restriction":
                await Form.GetByRole(AriaRole.Radio, new() { Name = text["Form.Ground.accuracy-contested"], Exact = true }).CheckAsync();
                break;
            case "post-mortem-instructions":
                await Form.GetByRole(AriaRole.Radio, new() { Name = text["Form.PostMortemKind.instructions"], Exact = true }).CheckAsync();
                await Form.GetByRole(AriaRole.Radio, new() { Name = text["Form.PostMortemAction.erase"], Exact = true }).CheckAsync();
                await Form.GetByRole(AriaRole.Textbox, new() { NameRegex = Starting(text["Form.Details"]) })
                    .FillAsync("Close my account and erase everything one month after my death.");
                break;
            case "automated-decision-review":
                await Form.GetByRole(AriaRole.Textbox, new() { NameRegex = Starting(text["Form.AdrDecision"]) })
                    .FillAsync("Loan 1234 refused on 2 March");
                await Form.GetByRole(AriaRole.Textbox, new() { NameRegex = Starting(text["Form.AdrView"]) })
                    .FillAsync("My income was read wrongly.");
                break;
        }
    }

    // Sends the form and reads the reference the confirmation shows.
    protected async Task<string> SendAsync(string language)
    {
        var text = Text(language);
        await Form.GetByRole(AriaRole.Button, new() { Name = text["Form.Submit"] }).ClickAsync();
        return await ReferenceShownAsync(language);
    }

    protected async Task<string> ReferenceShownAsync(string language)
    {
        await Assertions.Expect(Form.GetByRole(AriaRole.Heading, new() { Name = Text(language)["Form.DoneTitle"] })).ToBeVisibleAsync();
        var shown = await Form.Locator("main").InnerTextAsync();
        var reference = ReferencePattern().Match(shown);
        Assert.That(reference.Success, Is.True, $"no reference on the confirmation: {shown}");
        return reference.Value;
    }

    // The request as the privacy team sees it.
    private protected static async Task<JsonObject> StaffViewAsync(TestTenant tenant, string reference) =>
        (await tenant.Staff(BrowserEngine.Engine, StaffRoles.Auditor).GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}"))!;

    // The portal from the link in the acknowledgement e-mail (read from the mail catcher): the token in it is exchanged for
    // a session, and the address bar then holds none.
    protected async Task OpenPortalAsync(string email, string reference, string language)
    {
        var acknowledgement = await MailCatcher.WaitForAsync(email, "request-received");
        var link = LinkPattern().Matches(acknowledgement.Body).Select(m => m.Value)
            .FirstOrDefault(l => l.Contains($"/portal/{reference}?token=", StringComparison.Ordinal));
        Assert.That(link, Is.Not.Null, $"no portal link in the acknowledgement: {acknowledgement.Body}");
        await Page.GotoAsync(link!);
        await Assertions.Expect(Page).ToHaveURLAsync(Url($"portal/{reference}"));
        var title = Text(language).Format("Portal.Title", reference);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
    }

    // The team confirms the subject's identity through the staff API, once the workflow waits for it.
    private protected static async Task ConfirmIdentityByStaffAsync(TestTenant tenant, string reference)
    {
        var staff = tenant.Staff(BrowserEngine.Engine, StaffRoles.PrivacyOfficer);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!(await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/identity",
            new { evidence = "Matched the customer account." })).IsSuccessStatusCode)
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(90))
                Assert.Fail($"The workflow of {reference} never reached its identity step.");
            await Task.Delay(100);
        }
    }

    // Tab (or Shift+Tab) until the target has focus, at most `stops` times: a keyboard user's way through the page.
    protected async Task TabUntilAsync(ILocator target, int stops, bool backwards = false)
    {
        for (var i = 0; i < stops; i++)
        {
            await Page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement && e.ownerDocument.hasFocus()"))
                return;
        }
        Assert.Fail($"{stops} presses of {(backwards ? "Shift+Tab" : "Tab")} never reached {target}.");
    }

    // How many requests an organisation holds (a refused submission stores none).
    private protected static async Task<long> RequestsAsync(EngineFactory engine, TestTenant tenant) =>
        await Rows.CountAsync(engine, "requests", tenant.Id);

    // Polls a condition the browser will reach (a frame loading or being refused), with a deadline.
    protected static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(20))
                Assert.Fail($"Waited 20 s for {what}.");
            await Task.Delay(100);
        }
    }

    // The document in the form's frame, as Playwright sees it (its URL says when Chromium refused to show it).
    protected async Task<IFrame> FormFrameAsync()
    {
        var element = await Page.Locator($"iframe[src^='{Engine}form/']").ElementHandleAsync();
        return await element.ContentFrameAsync() ?? throw new AssertionException("The form's frame has no document.");
    }

    // A screen seen: saved as a screenshot, checked with axe (its frames too).
    protected async Task CheckScreenAsync(string screen)
    {
        // Chromium paints a cross-site frame only where the viewport has been: scrolled to it, the full-page shot shows it.
        var frame = Page.Locator($"iframe[src^='{Engine}form/']");
        if (await frame.CountAsync() > 0)
            await frame.ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(screen);
        Assert.That(await SeriousViolationsAsync(), Is.Empty, $"axe on {screen}");
    }

    // A one-time code in an e-mail: six digits on their own (not six digits inside a link's base64url token).
    [GeneratedRegex(@"(?<![\w-])\d{6}(?![\w-])")]
    protected static partial Regex CodePattern();

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    protected static partial Regex LinkPattern();

    [GeneratedRegex(@"\bDSR-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b")]
    private static partial Regex ReferencePattern();
}
