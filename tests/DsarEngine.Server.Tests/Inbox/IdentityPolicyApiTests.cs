using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Inbox.Request;
using DsarEngine.Server.Settings;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Inbox;

// GDPR Art. 12(6): the organisation's identity policy (GET/PUT /api/v1/staff/settings/identity) decides which requests
// wait for proof; asking never stops the clock; a person's stated doubt does.
public sealed class IdentityPolicyApiTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static IdentityPolicyStore Store => Engine.Services.GetRequiredService<IdentityPolicyStore>();

    // TestTenant checks every request; these organisations run with the policy a new organisation has.
    private static async Task<TestTenant> WithDefaultPolicyAsync()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        await Store.SaveAsync(tenant.Id, IdentityPolicy.Default, CancellationToken.None);
        return tenant;
    }

    [Test]
    public async Task By_default_a_consent_withdrawal_goes_straight_to_its_assessment_and_the_journal_says_why()
    {
        var tenant = await WithDefaultPolicyAsync();
        var staff = tenant.Staff(Engine, StaffRoles.PrivacyOfficer);
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "consent-withdrawal");
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:assess"), "the assessment");
        var journal = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/journal");
        var kinds = journal!["entries"]!.AsArray().Select(e => (string)e!["kind"]!).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(kinds, Does.Contain("identity-not-required"));
            Assert.That(kinds, Does.Not.Contain("identity-requested"));
        }
    }

    [Test]
    public async Task By_default_an_access_request_waits_for_proof_with_its_clock_running_until_staff_state_a_doubt()
    {
        var tenant = await WithDefaultPolicyAsync();
        var staff = tenant.Staff(Engine, StaffRoles.PrivacyOfficer);
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "access");
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("identity"), "the identity step");
        var waiting = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/deadline");
        var undoubted = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/clock/stop", new { reason = "identity-proof" });
        var doubted = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/clock/stop",
            new { reason = "identity-proof", note = "The address differs from the one on the account." });
        var stopped = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/deadline");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(waiting!.ToJsonString(), Does.Not.Contain("identity-proof"), "asking alone does not stop the clock");
            Assert.That(undoubted.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await undoubted.Content.ReadAsStringAsync(), Does.Contain("reasonable doubt"));
            Assert.That(doubted.StatusCode, Is.EqualTo(HttpStatusCode.OK), await doubted.Content.ReadAsStringAsync());
            Assert.That(stopped!.ToJsonString(), Does.Contain("identity-proof"));
        }
    }

    [Test]
    public async Task In_the_inbox_a_stated_doubt_stops_the_clock_and_verifying_resumes_it()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var staff = tenant.Staff(Engine, StaffRoles.PrivacyOfficer);
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "erasure");
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("identity"), "the identity step");
        var officer = InboxPeople.Actions(Engine, InboxPeople.Person(tenant, StaffRoles.PrivacyOfficer));
        var page = await ConversationDriver.PageAsync(Engine, tenant, reference);
        var doubt = page.Actions.Single(a => a.Kind == ActionKind.DoubtIdentity);
        var doubted = await officer.RunAsync(reference, doubt, new("The request names an account the address does not match."),
            page.Workflow!.Version, default);
        var stopped = await ConversationDriver.PageAsync(Engine, tenant, reference);
        var verified = await officer.RunAsync(reference, stopped.Actions.Single(a => a.Kind == ActionKind.VerifyIdentity),
            new("Called the number on the account."), stopped.Workflow!.Version, default);
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:assess"), "the assessment");
        var after = await ConversationDriver.PageAsync(Engine, tenant, reference);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Request.Deadline.Stops, Is.Empty, "asking for proof alone does not stop the clock");
            Assert.That(doubted.Succeeded, Is.True, doubted.Message);
            Assert.That(stopped.Request.Deadline.Stops.Single().Reason, Is.EqualTo("identity-proof"));
            Assert.That(stopped.Actions.Select(a => a.Kind), Does.Not.Contain(ActionKind.DoubtIdentity));
            Assert.That(verified.Succeeded, Is.True, verified.Message);
            Assert.That(after.Request.Deadline.Stops.Single().End, Is.Not.Null);
        }
    }

    [Test]
    public async Task An_admin_sets_the_policy_and_it_applies_to_the_next_request()
    {
        var tenant = await WithDefaultPolicyAsync();
        var admin = tenant.Staff(Engine, StaffRoles.Admin);
        var put = await admin.PutAsJsonAsync("/api/v1/staff/settings/identity", new
        {
            rules = new object[] { new { check = "none", right = "access", channel = "api" } },
            otherwise = "email",
        });
        var read = await tenant.Staff(Engine, StaffRoles.Auditor).GetFromJsonAsync<JsonObject>("/api/v1/staff/settings/identity");
        var staff = tenant.Staff(Engine, StaffRoles.PrivacyOfficer);
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "access");
        var view = await TestData.Workflows.WaitForAsync(staff, reference,
            v => (string?)v["waitingFor"] is "identity" or "decision:assess", "the identity step or the assessment");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());
            Assert.That((string)read!["rules"]![0]!["right"]!, Is.EqualTo("access"));
            Assert.That((string?)view["waitingFor"], Is.EqualTo("decision:assess"));
        }
    }

    [Test]
    public async Task A_bad_policy_or_one_from_a_non_admin_is_refused_and_nothing_changes()
    {
        var tenant = await WithDefaultPolicyAsync();
        var other = await WithDefaultPolicyAsync();
        var bad = await tenant.Staff(Engine, StaffRoles.Admin).PutAsJsonAsync("/api/v1/staff/settings/identity",
            new { rules = new object[] { new { check = "none", right = "teleportation" } }, otherwise = "email" });
        var byOfficer = await tenant.Staff(Engine, StaffRoles.PrivacyOfficer).PutAsJsonAsync("/api/v1/staff/settings/identity",
            new { rules = Array.Empty<object>(), otherwise = "none" });
        var byOtherAdmin = await other.Staff(Engine, StaffRoles.Admin).PutAsJsonAsync("/api/v1/staff/settings/identity",
            new { rules = Array.Empty<object>(), otherwise = "manual" });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(bad.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(await bad.Content.ReadAsStringAsync(), Does.Contain("rules[0].right"));
            Assert.That(byOfficer.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(byOtherAdmin.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await Store.FindAsync(tenant.Id, CancellationToken.None), Is.EqualTo(IdentityPolicy.Default).Using<IdentityPolicy>(
                (a, b) => a.Otherwise == b.Otherwise && a.Rules.SequenceEqual(b.Rules)));
        }
    }
}
