using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;
using Microsoft.Playwright;

namespace DsarEngine.Browser.Tests;

// Assignment as the team does it: a privacy officer gives a request to the agent from the request page (a dialog with the
// choice of person, checked with axe while open), and the agent's "My open" view shows it.
public sealed class AssignmentTests : BrowserTest
{
    [Test]
    public async Task An_officer_assigns_a_request_to_the_agent_and_it_shows_in_the_agents_my_open()
    {
        var reference = await SubmitAsync();
        var unassigned = await SubmitAsync();
        await SignInToInboxAsync(StaffRoles.PrivacyOfficer);
        // Through the list's link, as a person would: the page then runs on the inbox's live connection at once.
        await Page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Request {reference}", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("Unassigned", new() { Exact = true })).ToBeVisibleAsync();

        var dialog = Page.GetByRole(AriaRole.Dialog);
        await OpenAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }), dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Gives this request to the person you choose");
        await dialog.GetByRole(AriaRole.Combobox, new() { Name = "Assign to" }).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = "Test agent (agent)" }).ClickAsync();
        Assert.That(await SeriousViolationsAsync(), Is.Empty);
        await ScreenshotAsync("assign-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirm: Assign" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Assigned to Test agent", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("Done: the request is now assigned to Test agent.")).ToBeVisibleAsync();
        await ScreenshotAsync("assigned");

        // The agent opens the saved view by its address (the dashboard links to it so too): their request, not the other one.
        await NewPageAsync(Desktop);
        await SignInToInboxAsync(StaffRoles.Agent);
        await Page.GotoAsync("/inbox?view=my-open");
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "My open" })).ToHaveAttributeAsync("aria-pressed", "true");
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = reference });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync("Test agent");
        // Beside the drawer at 1280 px the Assignee column is wholly on screen (the channel gives way to it).
        await Assertions.Expect(Page.GetByRole(AriaRole.Columnheader, new() { Name = "Assignee" }))
            .ToBeInViewportAsync(new() { Ratio = 1 });
        await Assertions.Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = unassigned })).ToHaveCountAsync(0);
        Assert.That(await SeriousViolationsAsync(), Is.Empty);
        await ScreenshotAsync("agent-my-open");
    }

    // The page is prerendered, then goes live over its circuit: a click that lands before that opens nothing, so the
    // button is pressed again until the dialog shows (bounded by the attempts, not by a sleep).
    private static async Task OpenAsync(ILocator button, ILocator dialog)
    {
        for (var attempt = 0; attempt < 6 && !await dialog.IsVisibleAsync(); attempt++)
        {
            try
            {
                await button.ClickAsync(new() { Timeout = 5000 });
                await dialog.WaitForAsync(new() { Timeout = 10000 });
            }
            catch (TimeoutException)
            {
                // Not live yet (or the dialog still opening): look again, press again if it is not there.
            }
        }
    }

    private static async Task<string> SubmitAsync()
    {
        var response = await BrowserEngine.Engine.CreateClient()
            .SendAsync(Submissions.Post(Submissions.Valid(BrowserEngine.Tenant.Slug, "access")));
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        return (string)(await response.ReadObjectAsync())["reference"]!;
    }
}
