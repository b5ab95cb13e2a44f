using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Inbox.Request;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;

namespace DsarEngine.Server.Tests.Inbox;

// Requests at their assessment for the request page's law panels (representative's proof, partial erasure, notices).
internal static class LawPanels
{
    private static EngineFactory Engine => SharedEngine.Engine;

    // A request, optionally made by a representative (GDPR Art. 12(6): their written mandate), its identity verified,
    // waiting for the assessment.
    public static async Task<(TestTenant Tenant, string Reference)> AtAssessmentAsync(string right, bool representative)
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var body = Submissions.Valid(tenant.Slug, right);
        if (representative)
            body["representative"] = new JsonObject
            {
                ["relationship"] = "representative", ["name"] = "Maître Ørsted", ["email"] = Submissions.UniqueEmail("lawyer"),
            };
        var response = await Engine.CreateClient().SendAsync(Submissions.Post(body));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var reference = (string)(await response.ReadObjectAsync())["reference"]!;
        var staff = tenant.Staff(Engine, StaffRoles.PrivacyOfficer);
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("identity"), "the identity step");
        var verified = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/identity", new { evidence = "Known customer." });
        Assert.That(verified.StatusCode, Is.EqualTo(HttpStatusCode.OK), await verified.Content.ReadAsStringAsync());
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:assess"), "the assessment");
        return (tenant, reference);
    }

    public static async Task<RequestPageModel> PageAsync(TestTenant tenant, string reference) =>
        (await InboxPeople.Queries(Engine).LoadAsync(tenant.Id, reference, CancellationToken.None))!;

    // Runs the page's action of this kind (and outcome) as the person, on the version the page showed.
    public static async Task<ActionResult> RunAsync(TestTenant tenant, System.Security.Claims.ClaimsPrincipal person, string reference,
        Func<PageAction, bool> which, ActionInput input)
    {
        var page = await PageAsync(tenant, reference);
        var action = page.Actions.FirstOrDefault(which);
        Assert.That(action, Is.Not.Null, $"The page offers: {string.Join(", ", page.Actions.Select(a => a.Label))}");
        return await InboxPeople.Actions(Engine, person)
            .RunAsync(reference, action!, input, page.Workflow?.Version, CancellationToken.None);
    }
}
