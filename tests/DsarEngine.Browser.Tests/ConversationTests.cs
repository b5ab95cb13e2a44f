using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;
using Microsoft.Playwright;

namespace DsarEngine.Browser.Tests;

// The request page's notes and messages: an officer adds an internal note and asks the subject for more information,
// each confirmed in a dialog that says what will happen (the clock stops under the GDPR), each result on the page.
public sealed class ConversationTests : BrowserTest
{
    [Test]
    public async Task A_privacy_officer_adds_a_note_and_asks_the_subject_for_more_information()
    {
        var reference = await PastIdentityAsync();
        await SignInToInboxAsync(StaffRoles.PrivacyOfficer);
        await Page.GotoAsync($"/inbox/requests/{reference}");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Internal notes", Level = 2 })).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Add a note" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("never the subject");
        await dialog.GetByRole(AriaRole.Textbox).First.FillAsync("Called back: the subject confirmed the order number.");
        await dialog.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Confirm") }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Called back: the subject confirmed the order number.")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Ask for more information" }).ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("The clock stops (reason: clarification)");
        await dialog.GetByRole(AriaRole.Textbox).First.FillAsync("Which e-mail address did your old account use?");
        await ScreenshotAsync("ask-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Confirm") }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Question to the subject (more information needed)")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("Which e-mail address did your old account use?")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Resume the clock" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Ask for more information" })).ToHaveCountAsync(0);
        Assert.That(await SeriousViolationsAsync(), Is.Empty);
        await ScreenshotAsync("conversation");
    }

    // A new request whose identity the team has checked through the staff API (retried until the workflow reaches its
    // identity step, with a deadline): its clock runs, nothing stops it yet.
    private static async Task<string> PastIdentityAsync()
    {
        var response = await BrowserEngine.Engine.CreateClient()
            .SendAsync(Submissions.Post(Submissions.Valid(BrowserEngine.Tenant.Slug, "access")));
        var reference = (string)(await response.ReadObjectAsync())["reference"]!;
        var staff = BrowserEngine.Tenant.Staff(BrowserEngine.Engine, StaffRoles.PrivacyOfficer);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!(await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/identity",
            new { evidence = "Known customer, called back." })).IsSuccessStatusCode)
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(90))
                Assert.Fail($"The workflow of {reference} never reached its identity step.");
            await Task.Delay(100);
        }
        return reference;
    }
}
