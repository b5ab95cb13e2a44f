using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Inbox.Request;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;
using Microsoft.Playwright;

namespace DsarEngine.Browser.Tests;

// Issue 13, "done when": a privacy officer works an access and an erasure request, submitted through the public API, from
// the inbox to the delivered letter in the browser; the connected systems answer over the real RabbitMQ (a stub bus
// connector) or by hand in the page (a manual connector); an auditor reads the same request and can change nothing.
// Its own organisation, so its connectors touch no other browser test's requests.
public sealed class EndToEndTests : BrowserTest
{
    private const string Archive = "paper-archive";
    private static TestTenant tenant = null!;
    private static readonly Dictionary<string, string> People = [];
    private static StubConnector systems = null!;

    [OneTimeSetUp]
    public async Task CreateOrganisation()
    {
        tenant = await TestTenant.CreateAsync(BrowserEngine.Engine);
        foreach (var role in new[] { StaffRoles.PrivacyOfficer, StaffRoles.Auditor, StaffRoles.Admin })
            People[role] = await InboxSession.CreateUserAsync(BrowserEngine.Engine, tenant, role);
        systems = await StubConnector.StartAsync($"crm-{Guid.NewGuid():N}"[..12]);
        await systems.ServeAsync(tenant.Slug);
        var admin = tenant.Staff(BrowserEngine.Engine, StaffRoles.Admin);
        await RegisterAsync(admin, systems.Name, new JsonObject
        {
            ["displayName"] = "Sales CRM", ["actions"] = new JsonArray("locate", "export", "erase"),
            ["bus"] = new JsonObject { ["user"] = TestBus.User },
        });
        await RegisterAsync(admin, Archive,
            new JsonObject { ["kind"] = "manual", ["displayName"] = "Paper archive", ["actions"] = new JsonArray("erase") });
    }

    [OneTimeTearDown]
    public async Task StopSystems() => await systems.DisposeAsync();

    [Test]
    public async Task A_privacy_officer_works_an_access_request_from_the_inbox_to_the_delivered_letter()
    {
        var reference = await SubmitAsync("access");
        await SignInAsAsync(StaffRoles.PrivacyOfficer);
        await OpenFromInboxAsync(reference);
        await CheckAsync("request-new");

        await ActAsync("Verify identity", "Matched the account e-mail and the last order number.");
        await ReloadUntilAsync(Button("Proceed"), "the assessment");
        await CheckAsync("request-assess");
        await ActAsync("Proceed", null);

        // The CRM answers its export over the broker, the letter is rendered: the review shows it in the page.
        await ReloadUntilAsync(Button("Approve the letter"), "the review of the rendered letter");
        await ExpectReviewAsync();
        await CheckAsync("request-review");
        await ActAsync("Approve the letter", null);

        await ExpectDeliveredAsync(reference, "completed");
        await CheckAsync("request-closed");
    }

    [Test]
    public async Task A_privacy_officer_works_an_erasure_request_completing_the_paper_archive_by_hand_and_an_auditor_can_change_nothing()
    {
        var reference = await SubmitAsync("erasure");
        await SignInAsAsync(StaffRoles.PrivacyOfficer);
        await OpenFromInboxAsync(reference);
        await ActAsync("Verify identity", "Checked the photo ID sent by post against the account.");
        await ReloadUntilAsync(Button("Proceed"), "the assessment");
        await ActAsync("Proceed", null);

        // The CRM erases over the broker (its answer moves the workflow: acting on the page before it arrives would be
        // explained as a conflict); the paper archive is a person's job, recorded here with its outcome.
        var complete = Button($"Complete {Archive} by hand");
        await ReloadUntilAsync(Page.GetByRole(AriaRole.Cell, new() { Name = $"done: stub {systems.Name}" }), "the CRM's answer");
        await Assertions.Expect(complete).ToBeVisibleAsync();
        await CheckAsync("request-connectors");
        await InteractiveAsync();
        await complete.ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await dialog.Locator(".mud-select").First.ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = "done", Exact = true }).ClickAsync();
        await dialog.GetByRole(AriaRole.Textbox).First.FillAsync("Shredded the correspondence file in the filing room.");
        await ScreenshotAsync("complete-task-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { NameRegex = new("^Confirm") }).ClickAsync();
        await Assertions.Expect(complete).ToHaveCountAsync(0);

        await ReloadUntilAsync(Button("Approve the letter"), "the review of the rendered letter");
        await ExpectReviewAsync();
        await CheckAsync("request-review");

        await AnAuditorSeesNoActionAndIsRefusedAsync(reference);

        await NewPageAsync(Desktop);
        await SignInAsAsync(StaffRoles.PrivacyOfficer);
        await Page.GotoAsync($"/inbox/requests/{reference}");
        await ActAsync("Approve the letter", null);
        await ExpectDeliveredAsync(reference, "completed");
        await CheckAsync("request-closed");
    }

    // The other screens a privacy officer and an admin visit: each passes axe (no serious or critical violation).
    [Test]
    public async Task The_dashboard_account_security_and_settings_users_screens_have_no_serious_or_critical_axe_violations()
    {
        await SignInAsAsync(StaffRoles.PrivacyOfficer);
        await CheckAsync("inbox");
        await Page.GotoAsync("/inbox/dashboard");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await CheckAsync("dashboard");
        await Page.GotoAsync("/inbox/account/security");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await CheckAsync("account-security");

        await NewPageAsync(Desktop);
        await SignInAsAsync(StaffRoles.Admin);
        await Page.GotoAsync("/inbox/settings/users");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await CheckAsync("settings-users");
    }

    // The auditor, in a browser of their own, reads the request at its review: no action is offered; an action forged
    // through the page's services (as a tampered circuit would send it) and one posted to the staff API with the inbox
    // cookie are both refused, and the workflow has not moved.
    private async Task AnAuditorSeesNoActionAndIsRefusedAsync(string reference)
    {
        await NewPageAsync(Desktop);
        await SignInAsAsync(StaffRoles.Auditor);
        await OpenFromInboxAsync(reference);
        await Assertions.Expect(Page.GetByText("Your role can read this request but not change it.")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "What you can do now" })).ToHaveCountAsync(0);
        await Assertions.Expect(Button("Approve the letter")).ToHaveCountAsync(0);
        await ExpectReviewAsync();
        await CheckAsync("auditor-request");

        var before = (await InboxPeople.Queries(BrowserEngine.Engine).LoadAsync(tenant.Id, reference, CancellationToken.None))!;
        var approve = before.Actions.Single(a => a.Label == "Approve the letter");
        var forged = await InboxPeople.Actions(BrowserEngine.Engine, InboxPeople.Person(tenant, StaffRoles.Auditor))
            .RunAsync(reference, approve, new ActionInput(null), before.Workflow!.Version, CancellationToken.None);
        var posted = await Page.APIRequest.PostAsync($"/api/v1/staff/requests/{reference}/decisions",
            new() { DataObject = new { step = "review", outcome = "approve" } });
        var after = (await InboxPeople.Queries(BrowserEngine.Engine).LoadAsync(tenant.Id, reference, CancellationToken.None))!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(forged.Succeeded, Is.False);
            Assert.That(forged.Message, Does.Contain("can read but not change"));
            Assert.That(posted.Status, Is.AnyOf(401, 403), "the inbox cookie is no key to the staff API");
            Assert.That(after.Workflow!.Version, Is.EqualTo(before.Workflow.Version));
            Assert.That(after.Workflow.WaitingFor, Is.EqualTo("decision:review"));
        }
    }

    private ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    // The officer's page at the review: the diagram marks the review as current, the letter is previewed in a titled frame
    // and can be downloaded.
    private async Task ExpectReviewAsync()
    {
        await Assertions.Expect(Page.GetByRole(AriaRole.Img,
            new() { NameRegex = new("^Diagram of the workflow .*Review the response letter, current step") })).ToBeVisibleAsync();
        var preview = Page.Locator("iframe[title='Preview of the response letter (PDF)']");
        await Assertions.Expect(preview).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Download the response letter (PDF)" })).ToBeVisibleAsync();
        var src = await preview.GetAttributeAsync("src");
        var response = await Page.APIRequest.GetAsync(src!);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Status, Is.EqualTo(200));
            Assert.That(response.Headers["content-type"], Is.EqualTo("application/pdf"));
            Assert.That(response.Headers["content-security-policy"], Does.Contain("frame-ancestors 'self'"));
            Assert.That((await response.BodyAsync())[..5], Is.EqualTo("%PDF-"u8.ToArray()));
        }
    }

    // Closed in the page (the clock stops, the journal's chain verifies), and through the staff API: the request completed,
    // its letter delivered and stored, the journal intact.
    private async Task ExpectDeliveredAsync(string reference, string status)
    {
        await ReloadUntilAsync(Page.GetByText("Closed: the clock no longer runs"), "the request to close");
        await Assertions.Expect(Page.GetByText("Chain verified")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Response letter") })).ToBeVisibleAsync();
        var staff = tenant.Staff(BrowserEngine.Engine, StaffRoles.Auditor);
        var request = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}");
        var journal = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/journal");
        var kinds = journal!["entries"]!.AsArray().Select(e => (string)e!["kind"]!).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)request!["status"]!, Is.EqualTo(status));
            Assert.That((bool)journal["verified"]!, Is.True);
            Assert.That(kinds, Does.Contain("delivered").And.Contain("closed"));
        }
    }

    // The inbox lists the request (the subject masked until opened); its reference opens the request page.
    private async Task OpenFromInboxAsync(string reference)
    {
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = reference });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await InteractiveAsync();
        await row.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Request {reference}", Level = 1 })).ToBeVisibleAsync();
    }

    // The page is prerendered, then its live connection takes over: a click before then is lost, or (a link) raced by the
    // circuit's first render of the page it started on. The circuit's start (negotiate, then its WebSocket) is the last
    // network traffic of a page's load, so the network falling idle means the page is interactive.
    private async Task InteractiveAsync() => await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

    // One action as a person takes it: the button, the dialog that says what it will do, the text it asks for, Confirm; the
    // page then shows the step moved on (the button is gone).
    private async Task ActAsync(string label, string? text)
    {
        await InteractiveAsync();
        await Button(label).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        if (text is not null)
            await dialog.GetByRole(AriaRole.Textbox).First.FillAsync(text);
        await dialog.GetByRole(AriaRole.Button, new() { Name = $"Confirm: {label}" }).ClickAsync();
        await Assertions.Expect(Button(label)).ToHaveCountAsync(0);
    }

    // The request page reads the workflow when it loads; what the engine does in the background (connectors answering,
    // the letter's render) shows on the next load. Reloads until the thing is there or the deadline (a bound on a hang:
    // a render on the busy shared machine has taken over 30 s) passes.
    private async Task ReloadUntilAsync(ILocator target, string what)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { NameRegex = new("^Request "), Level = 1 })).ToBeVisibleAsync();
            try
            {
                await Assertions.Expect(target.First).ToBeVisibleAsync(new() { Timeout = 2000 });
                return;
            }
            catch (PlaywrightException)
            {
                await Page.ReloadAsync();
            }
        }
        Assert.Fail($"Timed out waiting for {what} on the request page.");
    }

    // A screenshot of the screen as it is, and axe on it.
    private async Task CheckAsync(string screen)
    {
        await ScreenshotAsync(screen);
        Assert.That(await SeriousViolationsAsync(), Is.Empty, screen);
    }

    private async Task SignInAsAsync(string role)
    {
        await Page.GotoAsync("/inbox/sign-in");
        await Page.GetByLabel("Organisation").FillAsync(tenant.Slug);
        await Page.GetByLabel("E-mail address").FillAsync(People[role]);
        await Page.GetByLabel("Password").FillAsync(InboxSession.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Inbox", Level = 1, Exact = true })).ToBeVisibleAsync();
        await InteractiveAsync();
    }

    private static async Task<string> SubmitAsync(string right)
    {
        var response = await BrowserEngine.Engine.CreateClient().SendAsync(Submissions.Post(Submissions.Valid(tenant.Slug, right)));
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        return (string)(await response.ReadObjectAsync())["reference"]!;
    }

    private static async Task RegisterAsync(HttpClient admin, string name, JsonObject registration)
    {
        var response = await admin.PutAsJsonAsync($"/api/v1/staff/connectors/{name}", registration);
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }
}
