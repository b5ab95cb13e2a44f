using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;

namespace DsarEngine.Server.Tests.Workflows;

// GDPR Art. 21(3): a direct-marketing objection stops the processing with nobody assessing it, and cannot be refused;
// Art. 22(3): a review of an automated decision is taken in, reviewed by a person and answered with the logic.
public sealed class ObjectionRunTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static async Task<(TestTenant Tenant, HttpClient Staff)> TenantAsync()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        await RequestDriver.RegisterAsync(tenant.Staff(Engine, StaffRoles.Admin), "back-office",
            new { kind = "manual", actions = ConnectorActions.All, displayName = "Back office" });
        return (tenant, tenant.Staff(Engine, StaffRoles.PrivacyOfficer));
    }

    private static async Task<HttpResponseMessage> DecideAsync(HttpClient staff, string reference, object decision) =>
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions", decision);

    [Test]
    public async Task A_direct_marketing_objection_runs_to_stopping_the_processing_without_assessment_and_a_refusal_is_refused()
    {
        var (tenant, staff) = await TenantAsync();
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "objection");
        var view = await RequestDriver.ToFanOutAsync(staff, reference);
        var refused = await DecideAsync(staff, reference, new { step = "assess", outcome = "refuse", reason = "We keep mailing." });
        var journal = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/journal");
        var kinds = journal!["entries"]!.AsArray().Select(e => (string)e!["kind"]!).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)view["waitingFor"]!, Is.EqualTo("connectors"));
            Assert.That(view["tasks"]!.AsArray().Select(t => (string)t!["action"]!), Is.EqualTo(new[] { "stop-processing" }));
            Assert.That(kinds, Does.Contain("assessment-not-needed").And.Not.Contain("awaiting-decision"));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(refused.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That((await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/workflow"))!["version"]!.ToString(),
                Is.EqualTo(view["version"]!.ToString()), "the refusal changed nothing");
        }
    }

    [Test]
    public async Task A_review_of_an_automated_decision_is_reviewed_by_a_person_and_the_letter_explains_the_logic()
    {
        var (tenant, staff) = await TenantAsync();
        var body = Submissions.Valid(tenant.Slug, "automated-decision-review");
        body["language"] = "en";
        body["automatedDecision"] = RequestDriver.AutomatedDecision();
        var submitted = await (await Engine.CreateClient().SendAsync(Submissions.Post(body))).ReadObjectAsync();
        var reference = (string)submitted["reference"]!;
        var request = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}");
        Assert.That((string?)request!["details"], Does.StartWith("Decision to review: Credit limit lowered")
            .And.Contain("Point of view: My income was misread."));

        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("identity"), "the identity step");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/identity", new { evidence = "Matched the account e-mail." });
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:assess"), "the human review");
        var bare = await DecideAsync(staff, reference, new { step = "assess", outcome = "proceed" });
        var bareProblem = await bare.Content.ReadFromJsonAsync<JsonObject>();
        var reviewed = await DecideAsync(staff, reference, new
        {
            step = "assess", outcome = "proceed",
            review = new
            {
                result = "changed", explanation = "Your income was misread; the limit is restored.",
                logic = "A score of payment history and declared income.", significance = "It sets your credit limit.",
                consequences = "A lower limit than you asked for.",
            },
        });
        Assert.That(reviewed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await reviewed.Content.ReadAsStringAsync());
        await RequestDriver.ApproveUntilClosedAsync(staff, reference);

        var (content, _) = await SubjectDownload.DownloadAsync(Engine, reference, (string)body["subject"]!["email"]!);
        var (text, _, _) = await Packs.Poppler.ReadAsync(content);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bare.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That((string?)bareProblem!["type"], Is.EqualTo("urn:dsar:problem:review-required"));
            Assert.That(text, Does.Contain("Your request for a human review of an automated decision")
                .And.Contain("After the review, the decision has been changed.")
                .And.Contain("Your income was misread; the limit is restored.")
                .And.Contain("A score of payment history and declared income.").And.Contain("A lower limit than you asked for."));
        }
    }
}
