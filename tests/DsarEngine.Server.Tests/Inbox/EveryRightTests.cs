using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Inbox.Request;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Runtime;
using DsarEngine.Workflows.Security;

namespace DsarEngine.Server.Tests.Inbox;

// Issue 13's "done when": a privacy officer works every right's request end to end from the request page. Each right is
// taken from submission to closed with nothing but the actions the page offers (verify, proceed, complete the manual
// system's task, approve the letter where a review is required), through the page's own services as a signed-in
// officer's circuit runs them; the browser tests do the same for access and erasure by clicking.
public sealed class EveryRightTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [TestCase("access")]
    [TestCase("rectification")]
    [TestCase("erasure")]
    [TestCase("restriction")]
    [TestCase("portability")]
    [TestCase("objection")]
    [TestCase("consent-withdrawal")]
    [TestCase("post-mortem-instructions")]
    [TestCase("automated-decision-review")]
    public async Task A_privacy_officer_works_the_request_to_closed_with_the_actions_the_page_offers(string right)
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        // One system worked by hand that takes every action a workflow can ask for.
        await RequestDriver.RegisterAsync(tenant.Staff(Engine, StaffRoles.Admin), "back-office",
            new { kind = "manual", actions = ConnectorActions.All, displayName = "Back office" });
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, right);

        var (page, taken) = await WorkToClosedAsync(tenant, reference);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Request.Status, Is.EqualTo("completed"));
            Assert.That(page.Journal.Verified, Is.True);
            Assert.That(page.Documents.Select(d => d.Kind), Is.Not.Empty, "the letter is among the request's documents");
            // Approving the letter is asked only where the definition requires a review (access, erasure, portability, ...).
            Assert.That(taken, Does.Contain(nameof(ActionKind.VerifyIdentity)));
            // GDPR Art. 21(3): the driver's objection is to direct marketing, which nobody assesses.
            Assert.That(taken.Contains("Decide:proceed"), Is.EqualTo(right != "objection"), string.Join(", ", taken));
            Assert.That(taken.Contains(nameof(ActionKind.CompleteTask)),
                Is.EqualTo(right is not ("post-mortem-instructions" or "automated-decision-review")),
                string.Join(", ", taken));
        }
    }

    // Va. Code §59.1-577(C), C.R.S. §6-1-1306(3), Conn. Gen. Stat. §42-518(d): the consumer appeals a refused request (its own
    // request, right "appeal", on the appeal period of the refused request's law); the officer works it on the page like any
    // other: verify, reverse (or uphold) the refusal, approve the letter. Virginia and Colorado are run through the API in
    // AppealTests; the page's appeal offers the same outcomes in the appeal's words.
    [Test]
    public async Task A_privacy_officer_works_an_appeal_to_closed_with_the_actions_the_page_offers()
    {
        var (tenant, refused, email, _) = await Appeals.AppealDriver.RefusedAsync(Engine, "US-CT", "ctdpa");
        var submitted = await Engine.CreateClient().SendAsync(Submissions.Post(Appeals.AppealDriver.Appeal(tenant, refused, email)));
        Assert.That(submitted.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Accepted), await submitted.Content.ReadAsStringAsync());
        var reference = (string)(await submitted.ReadObjectAsync())["reference"]!;
        var offered = new List<string>();

        var (page, taken) = await WorkToClosedAsync(tenant, reference, offered);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Request.Right, Is.EqualTo("appeal"));
            Assert.That(page.Request.Status, Is.EqualTo("completed"));
            Assert.That(page.Journal.Verified, Is.True);
            Assert.That(page.Documents, Is.Not.Empty, "the appeal's letter is among the request's documents");
            Assert.That(taken, Does.Contain(nameof(ActionKind.VerifyIdentity)).And.Contain("Decide:proceed"));
            Assert.That(offered, Does.Contain("Reverse the refusal").And.Contain("Uphold the refusal"));
        }
    }

    // Takes the request to closed with what the page offers an officer; offered: every label the page showed on the way.
    private static async Task<(RequestPageModel Page, List<string> Taken)> WorkToClosedAsync(TestTenant tenant, string reference,
        List<string>? offered = null)
    {
        var officer = InboxPeople.Actions(Engine, InboxPeople.Person(tenant, StaffRoles.PrivacyOfficer));
        var taken = new List<string>();
        var page = await NextAsync(tenant, reference, version: 0);
        while (page.Workflow!.Status != InstanceStatus.Closed)
        {
            offered?.AddRange(page.Actions.Select(a => a.Label));
            var (action, input) = Choose(page);
            var result = await officer.RunAsync(reference, action, input, page.Workflow.Version, CancellationToken.None);
            Assert.That(result.Succeeded, Is.True, $"{action.Label}: {result.Message}");
            taken.Add(action.Kind == ActionKind.Decide ? $"{action.Kind}:{action.Outcome}" : action.Kind.ToString());
            page = await NextAsync(tenant, reference, page.Workflow.Version);
        }
        return (page, taken);
    }

    // What an officer who only proceeds and approves would press next.
    private static (PageAction, ActionInput) Choose(RequestPageModel page)
    {
        var actions = page.Actions;
        if (actions.FirstOrDefault(a => a.Kind == ActionKind.VerifyIdentity) is { } verify)
            return (verify, new("Matched the account e-mail and the last order."));
        if (actions.FirstOrDefault(a => a.Kind == ActionKind.Decide && a.Outcome is Decisions.Proceed or Decisions.Approve) is { } go)
            return (go, go.Choices is { Count: > 0 } choices
                // GDPR Art. 22(3): the human review, with the logic, significance and consequences (Art. 15(1)(h)).
                ? new("The income was checked by hand.", "A payment score.\nIt sets the limit.\nA lower limit.", choices[0])
                // GDPR Art. 21(1): an objection other than to direct marketing records its assessment.
                : new(go.InputRequired ? "No compelling grounds: the account is closed." : null));
        if (actions.FirstOrDefault(a => a.Kind == ActionKind.CompleteTask) is { } complete)
            return (complete, new("Done by hand in the back office.", Choice: TaskOutcomes.Done));
        Assert.Fail($"The page offers nothing an officer would press: {string.Join(", ", actions.Select(a => a.Label))}");
        throw new InvalidOperationException();
    }

    // Asking the subject and extending are offered all along; anything else means the workflow waits for a person.
    private static bool ForAPerson(PageAction action) =>
        action.Kind is not (ActionKind.Extend or ActionKind.AskForInformation or ActionKind.ResumeClock);

    // The page once the workflow moved past the version acted on and waits for a person (or closed).
    private static async Task<RequestPageModel> NextAsync(TestTenant tenant, string reference, int version)
    {
        var queries = InboxPeople.Queries(Engine);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var page = await queries.LoadAsync(tenant.Id, reference, CancellationToken.None);
            // The page reads the request and its workflow one after the other: a close committed in between shows a closed
            // workflow beside the request's earlier status, so a closed one is taken once the request reads as finished too.
            if (page?.Workflow is { } w && w.Version > version && (w.Status == InstanceStatus.Closed
                    ? DsarEngine.Workflows.Requests.RequestStatus.Finished.Contains(page.Request.Status)
                    : page.Actions.Any(ForAPerson)))
                return page;
            if (waited.Elapsed > TimeSpan.FromSeconds(90))
                Assert.Fail($"Request {reference} did not move on from version {version} within 90 s: {page?.Workflow}");
            await Task.Delay(50);
        }
    }
}
