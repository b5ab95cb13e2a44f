using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;
using Microsoft.Playwright;

namespace DsarEngine.Browser.Tests;

// What the privacy team sees in the list: requests arriving through the public API, on a laptop and on a tablet.
public sealed class InboxListTests : BrowserTest
{
    // Issue 13: "new requests and state changes appear without reload": the list is open, the API takes a request, and
    // its row appears (InboxChanges: LISTEN/NOTIFY, then the page re-reads over its live connection).
    [Test]
    public async Task A_request_submitted_through_the_api_appears_in_the_open_inbox_without_a_reload()
    {
        await SignInToInboxAsync(StaffRoles.PrivacyOfficer);
        var reference = await SubmitAsync("access");
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = reference });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync("access");
        await ScreenshotAsync("inbox-live");
    }

    // A privacy officer opens a new request from the list and verifies the subject's identity by hand: the dialog says
    // what will happen, the page shows the result, and the action is gone because the workflow moved on.
    [Test]
    public async Task A_privacy_officer_opens_a_request_from_the_list_and_verifies_the_identity()
    {
        await SignInToInboxAsync(StaffRoles.PrivacyOfficer);
        var reference = await SubmitAsync("erasure");
        await Page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Request {reference}", Level = 1 }))
            .ToBeVisibleAsync();
        Assert.That(await SeriousViolationsAsync(), Is.Empty);
        await ScreenshotAsync("request");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Verify identity" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Records that you checked the subject's identity yourself");
        await dialog.GetByRole(AriaRole.Textbox).First.FillAsync("Matched the account e-mail and the order number.");
        await ScreenshotAsync("verify-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Confirm") }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Verify identity" })).ToHaveCountAsync(0);
        await ScreenshotAsync("verified");
    }

    // An auditor reads the same request and is offered no action at all.
    [Test]
    public async Task An_auditor_reads_a_request_and_is_offered_no_action()
    {
        var reference = await SubmitAsync("erasure");
        await SignInToInboxAsync(StaffRoles.Auditor);
        await Page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Request {reference}", Level = 1 }))
            .ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Verify identity" })).ToHaveCountAsync(0);
        await ScreenshotAsync("auditor-request");
    }

    [TestCase(1280, 800)]
    [TestCase(820, 1180)]
    public async Task The_inbox_shows_its_heading_and_table_at(int width, int height)
    {
        await NewPageAsync(new ViewportSize { Width = width, Height = height });
        await SignInToInboxAsync(StaffRoles.Agent);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Inbox", Level = 1, Exact = true })).ToBeInViewportAsync();
        var table = Page.GetByRole(AriaRole.Table);
        await Assertions.Expect(table).ToBeVisibleAsync();
        // Every column fits: the last one's header is wholly on screen, not cut off or scrolled away.
        await Assertions.Expect(table.GetByRole(AriaRole.Columnheader, new() { Name = "Reference" }))
            .ToBeInViewportAsync(new() { Ratio = 1 });
        await Assertions.Expect(table.GetByRole(AriaRole.Columnheader, new() { Name = "Status" })).ToBeInViewportAsync(new() { Ratio = 1 });
        // Nothing sideways: the page fits the screen's width.
        var overflow = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.That(overflow, Is.LessThanOrEqualTo(0), $"the page is {overflow}px wider than a {width}px screen");
        await ScreenshotAsync($"inbox-{width}x{height}");
    }

    private static async Task<string> SubmitAsync(string right)
    {
        var response = await BrowserEngine.Engine.CreateClient()
            .SendAsync(Submissions.Post(Submissions.Valid(BrowserEngine.Tenant.Slug, right)));
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        return (string)(await response.ReadObjectAsync())["reference"]!;
    }
}
