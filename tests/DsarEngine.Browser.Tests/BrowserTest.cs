using Deque.AxeCore.Playwright;
using DsarEngine.Server.Tests.TestData;
using Microsoft.Playwright;
using NUnit.Framework.Interfaces;

namespace DsarEngine.Browser.Tests;

// A test in a fresh browser context (no cookies, no storage) on the shared engine, with the steps people take: sign in,
// look at a screen (saved as a screenshot under the test output), check it with axe.
public abstract class BrowserTest
{
    private IBrowserContext? context;
    private int shots;

    protected IPage Page { get; private set; } = null!;

    // 1280 x 800: the laptop the issue names; tests of other sizes open their own context.
    protected static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    [SetUp]
    public async Task OpenContext()
    {
        shots = 0;
        Page = await NewPageAsync(Desktop);
    }

    [TearDown]
    public async Task CloseContext()
    {
        // What the browser showed when a test failed is the first thing to look at.
        if (TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed)
        {
            if (Page is { IsClosed: false })
                await ScreenshotAsync("at-failure");
            // and what the engine warned about meanwhile (shared by all tests: the last lines, most recent last).
            await TestContext.Out.WriteLineAsync(
                "The engine's last warnings:\n" + string.Join("\n", BrowserEngine.Engine.Logs.Lines.TakeLast(20)));
        }
        if (context is not null)
            await context.CloseAsync();
        context = null;
    }

    protected async Task<IPage> NewPageAsync(ViewportSize viewport)
    {
        if (context is not null)
            await context.CloseAsync();
        context = await BrowserEngine.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BrowserEngine.BaseAddress.ToString(), ViewportSize = viewport, Locale = "en-GB",
            // A person who asked their system for less motion: the inbox then shows messages without fading them in, so
            // axe measures their real colours (wwwroot/inbox/inbox.css).
            ReducedMotion = ReducedMotion.Reduce,
        });
        return Page = await context.NewPageAsync();
    }

    protected static string Url(string path) => new Uri(BrowserEngine.BaseAddress, path).ToString();

    // The sign-in form filled as a person would: fields found by their labels, the button by its role and name.
    protected async Task SignInAsync(string role, string? password = null)
    {
        await Page.GotoAsync("/inbox/sign-in");
        await Page.GetByLabel("Organisation").FillAsync(BrowserEngine.Tenant.Slug);
        await Page.GetByLabel("E-mail address").FillAsync(BrowserEngine.People[role]);
        await Page.GetByLabel("Password").FillAsync(password ?? InboxSession.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    // Signs in and waits for the inbox's heading and its live connection.
    protected async Task SignInToInboxAsync(string role)
    {
        await SignInAsync(role);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Inbox", Level = 1, Exact = true })).ToBeVisibleAsync();
        await WaitForLiveAsync();
    }

    // The prerendered page shows its heading before its live connection runs; a click in between can be lost (a link
    // followed by neither the browser nor the circuit). The layout marks <main> once the page is interactive.
    protected async Task WaitForLiveAsync() =>
        await Assertions.Expect(Page.Locator("main[data-live='true']")).ToHaveCountAsync(1);

    // A full-page screenshot under the test's output, attached to the result: screenshots/<test>-<n>-<screen>.png
    // (a test case's arguments in the name as underscores).
    protected async Task ScreenshotAsync(string screen)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var test = new string(
            [.. TestContext.CurrentContext.Test.Name.Select(c => char.IsLetterOrDigit(c) || c is '_' or '-' ? c : '_')]).TrimEnd('_');
        var path = Path.Combine(folder, $"{test}-{++shots:00}-{screen}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, screen);
    }

    // axe on the page as it is: the serious and critical violations as "id (impact): where", so a failure reads. It waits
    // for running animations (a snackbar fading in) to end first: axe measures contrast on the colours of that instant.
    protected async Task<IReadOnlyList<string>> SeriousViolationsAsync()
    {
        await Page.EvaluateAsync("() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))");
        var result = await Page.RunAxe();
        return [.. result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")];
    }
}
