using DsarEngine.Workflows.Security;
using Microsoft.Playwright;

namespace DsarEngine.Browser.Tests;

// Every style sheet and script a screen asks for arrives as what it is: without MudBlazor's CSS and blazor.web.js the
// inbox is unstyled and nothing on it is interactive (the engine runs from its build output, not a published one).
public sealed class AssetTests : BrowserTest
{
    [Test]
    public async Task The_sign_in_page_and_the_inbox_load_every_style_sheet_and_script()
    {
        var loaded = new List<string>();
        var failed = new List<string>();
        Page.Response += (_, r) =>
        {
            if (r.Request.ResourceType is not ("stylesheet" or "script"))
                return;
            var path = new Uri(r.Url).AbsolutePath;
            var type = r.Headers.GetValueOrDefault("content-type") ?? "";
            if (r.Status is 200 or 304
                && (type.StartsWith("text/css", StringComparison.Ordinal) || type.Contains("javascript", StringComparison.Ordinal)))
                loaded.Add(path);
            else
                failed.Add($"{path}: {r.Status} '{type}'");
        };
        await SignInToInboxAsync(StaffRoles.Admin);
        // The live connection is up: MudBlazor's script ran and the theme's app bar colour applies.
        await Assertions.Expect(Page.Locator("header.mud-appbar")).ToHaveCSSAsync("background-color", "rgb(31, 78, 121)");
        await ScreenshotAsync("inbox");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(failed, Is.Empty);
            Assert.That(loaded, Has.Some.Contains("MudBlazor.min").And.Some.Contains("blazor.web").And.Some.Contains("inbox"));
        }
    }
}
