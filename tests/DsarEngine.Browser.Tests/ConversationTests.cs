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
        // Opened from the list, as people do: the page is then live on the inbox's connection before anything is clicked.
        await Page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Request {reference}", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Internal notes", Level = 2 })).ToBeVisibleAsync();

        var dialog = Page.GetByRole(AriaRole.Dialog);
        await OpenDialogAsync("Add a note", dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("never the subject");
        await dialog.GetByRole(AriaRole.Textbox).First.FillAsync("Called back: the subject confirmed the order number.");
        await dialog.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Confirm") }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Called back: the subject confirmed the order number.")).ToBeVisibleAsync();

        await OpenDialogAsync("Ask for more information", dialog);
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

    // A click that lands while the page is still re-rendering its first load can be lost: clicked again (only while no
    // dialog is open) until the dialog shows, with a deadline; a slow server's late dialog is waited for, not re-clicked.
    private async Task OpenDialogAsync(string button, ILocator dialog)
    {
        await Assertions.Expect(dialog).ToHaveCountAsync(0); // the previous dialog has closed
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (await dialog.CountAsync() == 0)
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(60))
                Assert.Fail($"The dialog of \"{button}\" never opened.");
            try
            {
                await Page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync(new() { Timeout = 5000 });
                await dialog.WaitForAsync(new() { Timeout = 5000 });
            }
            catch (TimeoutException)
            {
            }
        }
        await Assertions.Expect(dialog).ToBeVisibleAsync();
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
