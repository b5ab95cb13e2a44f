using DsarEngine.Server.Tests.TestData;
using Microsoft.Playwright;

namespace DsarEngine.Browser.Tests;

// The form as a data subject meets it: embedded in the shop's privacy page on another origin, in English, French and
// Russian, every right it offers, its errors fixed from the keyboard alone.
public sealed class SubjectFormTests : SubjectTest
{
    // One browser context per language (this test's), eight submissions in it, each from a fresh load of the shop's page.
    [TestCase("en")]
    [TestCase("fr")]
    [TestCase("ru")]
    public async Task Every_right_is_sent_through_the_form_embedded_in_the_shop(string language)
    {
        var refused = WatchPolicy();
        var sent = new Dictionary<string, string>();
        foreach (var right in Rights)
        {
            await OpenFormAsync(language);
            await FillForRightAsync(language, right, Submissions.UniqueEmail(right));
            if (right == Rights[0])
                await CheckScreenAsync($"form-{language}");
            sent[right] = await SendAsync(language);
            if (right == Rights[0])
                await CheckScreenAsync($"sent-{language}");
        }
        var seen = new Dictionary<string, string>();
        foreach (var (right, reference) in sent)
        {
            var view = await StaffViewAsync(BrowserEngine.Tenant, reference);
            seen[right] = $"{(string)view["right"]!} {(string)view["language"]!} {(string)view["channel"]!}";
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(seen, Is.EqualTo(Rights.ToDictionary(r => r, r => $"{r} {language} web-form")));
            Assert.That(refused, Is.Empty, "the shop's CSP refused something the form needs");
        }
    }

    [Test]
    public async Task A_person_fixes_the_forms_errors_with_the_keyboard_alone()
    {
        const string language = "en";
        var text = Text(language);
        await OpenFormAsync(language);
        // From the top of the shop's page: Tab into the frame until the form's send button has focus, then Enter.
        var submit = Form.GetByRole(AriaRole.Button, new() { Name = text["Form.Submit"] });
        await TabUntilAsync(submit, 60);
        await Page.Keyboard.PressAsync("Enter");
        var summary = Form.GetByRole(AriaRole.Alert).Filter(new() { HasText = text["Common.ErrorSummaryTitle"] });
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = text["Form.Error.Right"] })).ToBeVisibleAsync();
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = text["Form.Error.EmailRequired"] })).ToBeVisibleAsync();
        await CheckScreenAsync("errors");

        // The summary's first link moves focus to the choice of right; the arrow keys choose among the radios.
        await TabUntilAsync(summary.GetByRole(AriaRole.Link, new() { Name = text["Form.Error.Right"] }), 80);
        await Page.Keyboard.PressAsync("Enter");
        var firstRight = Form.GetByRole(AriaRole.Radio, new() { Name = text["Form.Right.access"], Exact = true });
        await Assertions.Expect(firstRight).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Space");
        await Assertions.Expect(firstRight).ToBeCheckedAsync();

        // Back to the summary (Shift+Tab), its e-mail link, then the address typed where focus lands.
        var emailLink = summary.GetByRole(AriaRole.Link, new() { Name = text["Form.Error.EmailRequired"] });
        await TabUntilAsync(emailLink, 80, backwards: true);
        await Page.Keyboard.PressAsync("Enter");
        var email = Form.GetByRole(AriaRole.Textbox, new() { NameRegex = Starting(text["Form.Email"]) });
        await Assertions.Expect(email).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(Submissions.UniqueEmail("keyboard"));
        await Assertions.Expect(Form.Locator(":focus-visible")).ToHaveCountAsync(1);

        await TabUntilAsync(submit, 80);
        await Page.Keyboard.PressAsync("Enter");
        var reference = await ReferenceShownAsync(language);
        Assert.That((string)(await StaffViewAsync(BrowserEngine.Tenant, reference))["right"]!, Is.EqualTo("access"));
    }

    [Test]
    public async Task A_site_the_organisation_does_not_allow_cannot_show_the_form()
    {
        await Page.GotoAsync(ShopPage("en", BrowserEngine.ForeignSite));
        // embed.js ran on the foreign page (the frame is there), but Chromium refuses to show the engine's page in it:
        // the engine's frame-ancestors names only the organisation's own sites.
        var frame = Page.Locator($"iframe[src^='{BrowserEngine.BaseAddress}form/']");
        await Assertions.Expect(frame).ToHaveCountAsync(1);
        var content = await (await frame.ElementHandleAsync()).ContentFrameAsync();
        Assert.That(content, Is.Not.Null);
        await WaitForAsync(async () => content!.Url.StartsWith("chrome-error:", StringComparison.Ordinal)
            || await content.GetByRole(AriaRole.Button, new() { Name = Text("en")["Form.Submit"] }).CountAsync() > 0,
            "the frame to load or be refused");
        await ScreenshotAsync("foreign-site");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(content!.Url, Does.StartWith("chrome-error:"), "Chromium showed the engine's page in a foreign site's frame");
            Assert.That(await content.GetByRole(AriaRole.Button, new() { Name = Text("en")["Form.Submit"] }).CountAsync(), Is.Zero);
        }
    }

    // A robot fills every field, the one people never see too: refused, nothing stored, the person told what to do.
    [Test]
    public async Task The_honeypot_refuses_a_robots_submission_and_nothing_is_stored()
    {
        var text = Text("en");
        var before = await RequestsAsync(BrowserEngine.Engine, BrowserEngine.Tenant);
        await OpenFormAsync("en");
        await FillForRightAsync("en", "erasure", Submissions.UniqueEmail("robot"));
        // Hidden, inert and out of the tab order, so a person's way to it does not exist: a robot sets its value directly.
        await Form.Locator("input[name='website']").EvaluateAsync("e => e.value = 'https://spam.example'");
        await Form.GetByRole(AriaRole.Button, new() { Name = text["Form.Submit"] }).ClickAsync();
        await Assertions.Expect(Form.GetByText(text["Form.Error.NotAccepted"])).ToBeVisibleAsync();
        await CheckScreenAsync("honeypot-refused");
        Assert.That(await RequestsAsync(BrowserEngine.Engine, BrowserEngine.Tenant), Is.EqualTo(before));
    }
}
