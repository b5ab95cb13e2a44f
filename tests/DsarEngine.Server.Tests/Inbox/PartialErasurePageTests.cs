using DsarEngine.Server.Inbox.Request;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Runtime;
using DsarEngine.Workflows.Security;

namespace DsarEngine.Server.Tests.Inbox;

// GDPR Art. 17(3): answering an erasure in part, the officer names on the request page what is kept, why and where, one
// "category | legal basis | system" per line; the page checks it as the staff API checks DecisionBody.Keep
// (WorkflowCommands.Decision), so the systems are told to keep it and the letter says so. A bad line changes nothing.
public sealed class PartialErasurePageTests
{
    private static bool Partial(PageAction a) => a.Kind == ActionKind.Decide && a.Outcome == Decisions.Partial;

    private static ActionInput Input(string keep) =>
        new("Invoices must be kept for ten years.", "Legal obligation (GDPR Art. 17(3)(b))") { Keep = keep };

    [Test]
    public async Task Only_an_erasure_asks_what_it_keeps()
    {
        var (erasureTenant, erasure) = await LawPanels.AtAssessmentAsync("erasure", representative: false);
        var (accessTenant, access) = await LawPanels.AtAssessmentAsync("access", representative: false);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((await LawPanels.PageAsync(erasureTenant, erasure)).Actions.Single(Partial).KeepLabel,
                Does.Contain("Art. 17(3)").And.Contain("category | legal basis | system"));
            Assert.That((await LawPanels.PageAsync(accessTenant, access)).Actions.Single(Partial).KeepLabel, Is.Null);
        }
    }

    [TestCase("invoices")] // no legal basis
    [TestCase("| Art. 17(3)(b): tax law")] // no category
    [TestCase("invoices | Art. 17(3)(b): tax law | a system name far too long for any connector, which the staff API and "
        + "the inbox page both refuse as too long")]
    public async Task A_kept_line_the_API_would_refuse_is_refused_with_its_reason_and_changes_nothing(string line)
    {
        var (tenant, reference) = await LawPanels.AtAssessmentAsync("erasure", representative: false);
        var before = await LawPanels.PageAsync(tenant, reference);

        var result = await LawPanels.RunAsync(tenant, InboxPeople.Person(tenant, StaffRoles.PrivacyOfficer), reference, Partial,
            Input($"tickets | Claim 2025-17 pending\n{line}"));
        var after = await LawPanels.PageAsync(tenant, reference);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Message, Does.StartWith("Nothing was changed").And.Contain("keep: At most 50 entries"));
            Assert.That(after.Workflow!.Version, Is.EqualTo(before.Workflow!.Version));
            Assert.That(after.WaitingFor, Is.EqualTo(before.WaitingFor));
            Assert.That(after.Workflow.Keep, Is.Empty);
        }
    }

    [Test]
    public async Task A_partial_erasure_records_what_is_kept_per_system_and_the_page_shows_it()
    {
        var (tenant, reference) = await LawPanels.AtAssessmentAsync("erasure", representative: false);

        var result = await LawPanels.RunAsync(tenant, InboxPeople.Person(tenant, StaffRoles.PrivacyOfficer), reference, Partial,
            Input("invoices | Art. 17(3)(b): tax law, 10 years | billing\n\ntickets | Art. 17(3)(e): claim 2025-17"));
        var page = await LawPanels.PageAsync(tenant, reference);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Succeeded, Is.True, result.Message);
            Assert.That(page.Workflow!.Keep.Select(k => (k.Category, k.LegalBasis, k.System)), Is.EqualTo(new[]
            {
                ("invoices", "Art. 17(3)(b): tax law, 10 years", (string?)"billing"),
                ("tickets", "Art. 17(3)(e): claim 2025-17", null),
            }));
        }
    }

    [Test]
    public async Task An_auditors_forced_partial_erasure_is_refused_and_changes_nothing()
    {
        var (tenant, reference) = await LawPanels.AtAssessmentAsync("erasure", representative: false);
        var before = await LawPanels.PageAsync(tenant, reference);

        var result = await LawPanels.RunAsync(tenant, InboxPeople.Person(tenant, StaffRoles.Auditor), reference, Partial,
            Input("invoices | Art. 17(3)(b): tax law"));

        Assert.That(result.Succeeded, Is.False);
        Assert.That((await LawPanels.PageAsync(tenant, reference)).Workflow!.Version, Is.EqualTo(before.Workflow!.Version));
    }
}
