using DsarEngine.Server.Inbox.Request;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;
using Microsoft.Playwright;

namespace DsarEngine.Browser.Tests;

// The request page is live like the list: what someone else does to the request (here a colleague verifies the identity
// from their own page) shows on an open page without a reload, and the next step's actions replace the done one.
public sealed class RequestLiveTests : BrowserTest
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patient = new() { Timeout = 60_000 };

    [Test]
    public async Task A_colleagues_decision_appears_on_an_open_request_page_without_a_reload()
    {
        var reference = await SubmitAsync();
        var page = await WaitForAsync(reference, p => p.Actions.Any(a => a.Kind == ActionKind.VerifyIdentity), "the identity step");
        await SignInToInboxAsync(StaffRoles.PrivacyOfficer);
        await Page.GotoAsync(Url($"/inbox/requests/{reference}"));
        await Assertions.Expect(Page.GetByText("Live: this page updates itself")).ToBeVisibleAsync(Patient);
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Verify identity" })).ToBeVisibleAsync();

        var colleague = InboxPeople.Actions(BrowserEngine.Engine, InboxPeople.Person(BrowserEngine.Tenant, StaffRoles.Admin));
        var result = await colleague.RunAsync(reference, page.Actions.Single(a => a.Kind == ActionKind.VerifyIdentity),
            new ActionInput("Checked against the customer file."), page.Workflow!.Version, CancellationToken.None);
        Assert.That(result.Succeeded, Is.True, result.Message);

        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Verify identity" }))
            .ToHaveCountAsync(0, new() { Timeout = 60_000 });
        await Assertions.Expect(Page.GetByText("Verified (the evidence is in the journal)")).ToBeVisibleAsync(Patient);
        await ScreenshotAsync("request-live");
    }

    private static async Task<RequestPageModel> WaitForAsync(string reference, Func<RequestPageModel, bool> done, string what)
    {
        var queries = InboxPeople.Queries(BrowserEngine.Engine);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (await queries.LoadAsync(BrowserEngine.Tenant.Id, reference, CancellationToken.None) is { } page && done(page))
                return page;
            if (waited.Elapsed > TimeSpan.FromSeconds(60))
                Assert.Fail($"Request {reference} did not reach {what} within 60 s.");
            await Task.Delay(100);
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
