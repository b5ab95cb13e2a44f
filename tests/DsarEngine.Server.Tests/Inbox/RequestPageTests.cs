using System.Net;
using DsarEngine.Server.Inbox.Request;
using DsarEngine.Server.Packs;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Inbox;

// The request page's actions run through the same services as the staff API, with the role checked when they run: an
// auditor is refused, a privacy officer's decision moves the workflow and is journaled under their name, and acting on a
// page someone else has since changed is explained and changes nothing.
public sealed class RequestPageTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static async Task<(TestTenant Tenant, string Reference, HttpClient Staff)> AtIdentityStepAsync()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "access");
        var staff = tenant.Staff(Engine, StaffRoles.PrivacyOfficer);
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("identity"), "the identity step");
        return (tenant, reference, staff);
    }

    private static async Task<RequestPageModel> LoadAsync(TestTenant tenant, string reference) =>
        (await InboxPeople.Queries(Engine).LoadAsync(tenant.Id, reference, CancellationToken.None))!;

    [Test]
    public async Task An_auditor_forcing_an_action_is_refused_and_nothing_changes()
    {
        var (tenant, reference, _) = await AtIdentityStepAsync();
        var before = await LoadAsync(tenant, reference);
        var verify = before.Actions.Single(a => a.Kind == ActionKind.VerifyIdentity);
        var result = await InboxPeople.Actions(Engine, InboxPeople.Person(tenant, StaffRoles.Auditor))
            .RunAsync(reference, verify, new ActionInput("Matched the account e-mail."), before.Workflow!.Version, CancellationToken.None);
        var after = await LoadAsync(tenant, reference);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Message, Does.Contain("can read but not change"));
            Assert.That(after.Workflow!.Version, Is.EqualTo(before.Workflow.Version));
            Assert.That(after.IdentityVerified, Is.False);
        }
    }

    [Test]
    public async Task A_privacy_officers_decisions_move_the_workflow_and_are_journaled_under_their_name()
    {
        var (tenant, reference, staff) = await AtIdentityStepAsync();
        var officer = InboxPeople.Person(tenant, StaffRoles.PrivacyOfficer);
        var actions = InboxPeople.Actions(Engine, officer);
        var page = await LoadAsync(tenant, reference);
        Assert.That(page.Steps.Single(s => s.Type == "verify-identity").State, Is.EqualTo(StepState.Current));

        var verified = await actions.RunAsync(reference, page.Actions.Single(a => a.Kind == ActionKind.VerifyIdentity),
            new ActionInput("Matched the account e-mail and the last order number."), page.Workflow!.Version, CancellationToken.None);
        Assert.That(verified.Succeeded, Is.True, verified.Message);
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:assess"), "the assessment");

        page = await LoadAsync(tenant, reference);
        Assert.That(page.Actions.Select(a => a.Label), Is.SupersetOf(new[] { "Proceed", "Proceed in part", "Refuse" }));
        var refuseWithoutReason = await actions.RunAsync(reference, page.Actions.Single(a => a.Label == "Refuse"), new ActionInput(" "),
            page.Workflow!.Version, CancellationToken.None);
        Assert.That(refuseWithoutReason.Succeeded, Is.False, "a refusal needs its reasons (GDPR Art. 12(4))");

        var proceeded = await actions.RunAsync(reference, page.Actions.Single(a => a.Label == "Proceed"), new ActionInput(null),
            page.Workflow!.Version, CancellationToken.None);
        var after = await LoadAsync(tenant, reference);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(proceeded.Succeeded, Is.True, proceeded.Message);
            Assert.That(after.IdentityVerified, Is.True);
            Assert.That(after.Steps.Single(s => s.Id == "assess").State, Is.EqualTo(StepState.Done));
            Assert.That(after.Journal.Verified, Is.True);
            Assert.That(
                after.Journal.Entries.Where(e => e.Actor == $"{tenant.Slug}/privacy-officer@example.org").Select(e => e.Kind).ToList(),
                Has.Count.GreaterThanOrEqualTo(2), "the identity check and the decision are the officer's");
        }
    }

    [Test]
    public async Task Acting_on_a_page_someone_else_has_since_changed_is_explained_and_changes_nothing()
    {
        var (tenant, reference, staff) = await AtIdentityStepAsync();
        var page = await LoadAsync(tenant, reference);
        var other = await staff.PostAsync($"/api/v1/staff/requests/{reference}/identity",
            Submissions.Json(new System.Text.Json.Nodes.JsonObject { ["evidence"] = "Checked on the phone." }));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var moved = await LoadAsync(tenant, reference);

        var result = await InboxPeople.Actions(Engine, InboxPeople.Person(tenant, StaffRoles.PrivacyOfficer)).RunAsync(reference,
            page.Actions.Single(a => a.Kind == ActionKind.VerifyIdentity), new ActionInput("Matched the account e-mail."),
            page.Workflow!.Version, CancellationToken.None);
        var after = await LoadAsync(tenant, reference);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Message, Does.Contain("Someone else acted"));
            Assert.That(after.Workflow!.Version, Is.EqualTo(moved.Workflow!.Version));
        }
    }

    [Test]
    public async Task An_auditor_sees_the_request_without_action_buttons_and_an_officer_sees_the_step_s_actions()
    {
        var (tenant, reference, _) = await AtIdentityStepAsync();
        var auditor = await (await InboxSession.SignedInAsync(Engine, tenant, StaffRoles.Auditor)).GetStringAsync(
            $"/inbox/requests/{reference}");
        var officer = await (await InboxSession.SignedInAsync(Engine, tenant, StaffRoles.PrivacyOfficer)).GetStringAsync(
            $"/inbox/requests/{reference}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(auditor,
                Does.Contain($"Request {reference}").And.Contain("can read this request but not change it").And.Contain("Chain verified"));
            Assert.That(auditor, Does.Not.Contain("What you can do now"));
            Assert.That(officer, Does.Contain("What you can do now").And.Contain("Verify identity").And.Contain("Current step"));
        }
    }

    [Test]
    public async Task A_document_is_served_to_its_organisation_only_and_never_to_a_stranger()
    {
        var (tenant, reference, _) = await AtIdentityStepAsync();
        var request = (await Engine.Services.GetRequiredService<RequestStore>().FindAsync(tenant.Id, reference, CancellationToken.None))!;
        var content = "%PDF-1.7 test letter"u8.ToArray();
        var (id, _) = await Engine.Services.GetRequiredService<PackStore>().SaveAsync(tenant.Id, request.Id, "letter", "fr", content,
            request.CreatedAt, CancellationToken.None);
        var path = $"/inbox/requests/{reference}/documents/{id}";
        var own = await (await InboxSession.SignedInAsync(Engine, tenant, StaffRoles.Auditor)).GetAsync(path);
        var stranger = await (await InboxSession.SignedInAsync(Engine, await TestTenant.CreateAsync(Engine), StaffRoles.Admin))
            .GetAsync(path);
        var anonymous = await InboxSession.Browser(Engine).GetAsync(path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await own.Content.ReadAsByteArrayAsync(), Is.EqualTo(content));
            Assert.That(own.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
            Assert.That(stranger.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(anonymous.Headers.Location!.ToString(), Does.Contain("/inbox/sign-in"));
        }
    }
}
