using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Appeals;

// A request refused and closed, as an appeal needs one: submitted under a regime, identity verified, refused at the
// assessment with a reason, its refusal letter approved and delivered.
internal static class AppealDriver
{
    public static async Task<(TestTenant Tenant, string Reference, string Email, string Token)> RefusedAsync(
        EngineFactory engine, string jurisdiction, string regime)
    {
        var tenant = await TestTenant.CreateAsync(engine, jurisdiction: jurisdiction);
        var body = Submissions.Valid(tenant.Slug, "erasure");
        var email = Submissions.UniqueEmail("appeal");
        body["subject"]!["email"] = email;
        (body["jurisdiction"], body["regime"], body["language"]) = (jurisdiction, regime, "en");
        var submitted = await engine.CreateClient().SendAsync(Submissions.Post(body));
        Assert.That(submitted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await submitted.Content.ReadAsStringAsync());
        var accepted = await submitted.ReadObjectAsync();
        var reference = (string)accepted["reference"]!;
        var staff = tenant.Staff(engine, "privacy-officer");
        await DecideAsync(staff, reference, "refuse", "We hold the data under a legal obligation to keep invoices.");
        return (tenant, reference, email, (string)accepted["statusToken"]!);
    }

    // Verifies identity, takes the assessment's outcome, then approves the letter until the request closes.
    public static async Task DecideAsync(HttpClient staff, string reference, string outcome, string? reason)
    {
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("identity"), "the identity step");
        var verified = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/identity", new { evidence = "Known customer." });
        Assert.That(verified.StatusCode, Is.EqualTo(HttpStatusCode.OK), await verified.Content.ReadAsStringAsync());
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:assess"), "the assessment");
        var decided = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions",
            new { step = "assess", outcome, reason, exemptions = outcome == "partial" ? new[] { "invoices kept for ten years" } : null });
        Assert.That(decided.StatusCode, Is.EqualTo(HttpStatusCode.OK), await decided.Content.ReadAsStringAsync());
        await RequestDriver.ApproveUntilClosedAsync(staff, reference);
    }

    public static JsonObject Appeal(TestTenant tenant, string appealOf, string email) => new()
    {
        ["tenant"] = tenant.Slug,
        ["right"] = "appeal",
        ["appealOf"] = appealOf,
        ["subject"] = new JsonObject { ["email"] = email },
        ["details"] = "The invoices are older than ten years.",
    };
}
