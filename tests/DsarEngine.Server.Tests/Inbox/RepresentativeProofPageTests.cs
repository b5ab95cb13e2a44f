using DsarEngine.Server.Inbox.Request;
using DsarEngine.Server.Representatives;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Runtime;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Inbox;

// A request made by a representative is held at its assessment until a person confirms the proof the request's law asks
// for (RepresentativeProof). The request page shows what that proof is and where it stands, explains the hold, and offers
// the confirmation, through the same service as POST …/representative/proof (ProofConfirmation).
public sealed class RepresentativeProofPageTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static bool Confirm(PageAction a) => a.Kind == ActionKind.ConfirmProof;

    private static bool Proceed(PageAction a) => a.Kind == ActionKind.Decide && a.Outcome == Decisions.Proceed;

    [Test]
    public async Task An_officer_reads_the_proof_asked_is_told_why_the_assessment_is_held_confirms_it_and_then_proceeds()
    {
        var (tenant, reference) = await LawPanels.AtAssessmentAsync("access", representative: true);
        var officer = InboxPeople.Person(tenant, StaffRoles.PrivacyOfficer);
        var before = await LawPanels.PageAsync(tenant, reference);

        var held = await LawPanels.RunAsync(tenant, officer, reference, Proceed, new ActionInput(null));
        var blank = await LawPanels.RunAsync(tenant, officer, reference, Confirm, new ActionInput("   "));
        var stillAwaited = await LawPanels.PageAsync(tenant, reference);
        var confirmed = await LawPanels.RunAsync(tenant, officer, reference, Confirm,
            new ActionInput("Written mandate of 2 March seen, signed by the subject; the lawyer's identity card seen."));
        var after = await LawPanels.PageAsync(tenant, reference);
        var proceeded = await LawPanels.RunAsync(tenant, officer, reference, Proceed, new ActionInput(null));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(before.Proof!.Proof.Status, Is.EqualTo(RepresentativeStore.Awaited));
            Assert.That(before.Proof.Proof.Documents, Does.Contain("written mandate"));
            Assert.That(before.Proof.Proof.Source, Does.Contain("Art. 12(6)"));
            Assert.That(before.Actions.Single(Confirm).Explanation, Does.Contain("cannot proceed"));
            Assert.That(held.Succeeded, Is.False);
            Assert.That(held.Message, Does.Contain("Confirm the representative's proof").And.Contain("Nothing was changed"));
            Assert.That(held.Message, Does.Not.Contain("/api/"), "the page names its own way, not the API's route");
            Assert.That(blank.Succeeded, Is.False);
            Assert.That(blank.Message, Does.Contain("evidence: Required"));
            Assert.That(stillAwaited.Proof!.Proof.Status, Is.EqualTo(RepresentativeStore.Awaited));
            Assert.That(stillAwaited.Journal.Entries.Select(e => e.Kind), Does.Not.Contain("representative-proof-confirmed"));
            Assert.That(confirmed.Succeeded, Is.True, confirmed.Message);
            Assert.That(after.Proof!.Proof.Status, Is.EqualTo(RepresentativeStore.Confirmed));
            Assert.That(after.Proof.Proof.Evidence, Does.Contain("Written mandate of 2 March"));
            Assert.That(after.Proof.Proof.ConfirmedBy, Is.EqualTo($"{tenant.Slug}/privacy-officer@example.org"));
            Assert.That(after.Journal.Entries.Select(e => e.Kind), Does.Contain("representative-proof-confirmed"));
            Assert.That(after.Actions.Any(Confirm), Is.False, "a confirmed proof is not offered again");
            Assert.That(proceeded.Succeeded, Is.True, proceeded.Message);
        }
    }

    [Test]
    public async Task An_auditors_forced_confirmation_is_refused_and_changes_nothing()
    {
        var (tenant, reference) = await LawPanels.AtAssessmentAsync("access", representative: true);
        var auditor = InboxPeople.Person(tenant, StaffRoles.Auditor);

        var result = await LawPanels.RunAsync(tenant, auditor, reference, Confirm, new ActionInput("Mandate seen."));
        // The service itself refuses an auditor too, whoever calls it.
        var direct = await Engine.Services.GetRequiredService<ProofConfirmation>()
            .ConfirmAsync(auditor, reference, "Mandate seen.", CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Message, Does.Contain("can read but not change"));
            Assert.That(direct.Outcome, Is.EqualTo(ProofOutcome.Refused));
            Assert.That((await LawPanels.PageAsync(tenant, reference)).Proof!.Proof.Status, Is.EqualTo(RepresentativeStore.Awaited));
        }
    }

    [Test]
    public async Task An_agent_confirms_only_on_a_request_assigned_to_them()
    {
        var (tenant, reference) = await LawPanels.AtAssessmentAsync("access", representative: true);
        var agent = await StaffPeople.CreateAsync(Engine, tenant, StaffRoles.Agent);

        var notTheirs = await LawPanels.RunAsync(tenant, agent.Principal, reference, Confirm, new ActionInput("Mandate seen."));
        var unchanged = await LawPanels.PageAsync(tenant, reference);
        var taken = await Engine.Services.GetRequiredService<RequestAssignment>()
            .AssignAsync(agent.Principal, reference, agent.Id, null, CancellationToken.None);
        var theirs = await LawPanels.RunAsync(tenant, agent.Principal, reference, Confirm, new ActionInput("Mandate seen."));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(notTheirs.Succeeded, Is.False);
            Assert.That(notTheirs.Message, Does.Contain("only on the requests assigned to them"));
            Assert.That(unchanged.Proof!.Proof.Status, Is.EqualTo(RepresentativeStore.Awaited));
            Assert.That(taken.Succeeded, Is.True, taken.Message);
            Assert.That(theirs.Succeeded, Is.True, theirs.Message);
            Assert.That((await LawPanels.PageAsync(tenant, reference)).Proof!.Proof.Status, Is.EqualTo(RepresentativeStore.Confirmed));
        }
    }

    [Test]
    public async Task Another_organisations_officer_cannot_read_or_confirm_the_proof()
    {
        var (tenant, reference) = await LawPanels.AtAssessmentAsync("access", representative: true);
        var stranger = await TestTenant.CreateAsync(Engine);
        var theirOfficer = InboxPeople.Person(stranger, StaffRoles.PrivacyOfficer);
        var action = (await LawPanels.PageAsync(tenant, reference)).Actions.Single(Confirm);

        var result = await InboxPeople.Actions(Engine, theirOfficer)
            .RunAsync(reference, action, new ActionInput("Mandate seen."), null, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await InboxPeople.Queries(Engine).LoadAsync(stranger.Id, reference, CancellationToken.None), Is.Null);
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Message, Does.Contain("not in your organisation"));
            Assert.That((await LawPanels.PageAsync(tenant, reference)).Proof!.Proof.Status, Is.EqualTo(RepresentativeStore.Awaited));
        }
    }

    [Test]
    public async Task A_request_nobody_acts_for_shows_no_proof_and_offers_no_confirmation()
    {
        var (tenant, reference) = await LawPanels.AtAssessmentAsync("access", representative: false);
        var page = await LawPanels.PageAsync(tenant, reference);
        Assert.That(page.Proof, Is.Null);
        Assert.That(page.Actions.Any(Confirm), Is.False);
    }
}
