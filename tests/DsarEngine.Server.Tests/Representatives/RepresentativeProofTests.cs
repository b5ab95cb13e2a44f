using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Representatives;

// Someone acting for the subject through the API (no upload there) is told the proof the request's law asks for, and the
// request is held: the assessment cannot proceed until a person has confirmed that proof (docs/rights.md#representatives).
public sealed class RepresentativeProofTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static async Task<(TestTenant Tenant, string Reference, JsonObject Accepted)> SubmitAsync(
        string jurisdiction, string regime, string relationship)
    {
        var tenant = await TestTenant.CreateAsync(Engine, jurisdiction: jurisdiction);
        var body = Submissions.Valid(tenant.Slug, "access");
        (body["jurisdiction"], body["regime"]) = (jurisdiction, regime);
        body["representative"] = new JsonObject
        {
            ["relationship"] = relationship, ["name"] = "Agent Ørsted", ["email"] = Submissions.UniqueEmail("agent"),
        };
        var response = await Engine.CreateClient().SendAsync(Submissions.Post(body));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var accepted = await response.ReadObjectAsync();
        return (tenant, (string)accepted["reference"]!, accepted);
    }

    [TestCase("US-CA", "ccpa", "authorised-agent", "signed permission", "11 CCR §7063")]
    [TestCase("US-CA", "ccpa", "parent", "child under 13", "1798.120(c)")]
    [TestCase("FR", "gdpr", "parent", "parental responsibility", "Art. 8(1)")]
    [TestCase("FR", "gdpr", "representative", "written mandate", "Art. 12(6)")]
    public async Task The_intake_answer_names_the_proof_the_requests_law_asks_of_the_representative(
        string jurisdiction, string regime, string relationship, string documents, string source)
    {
        var (tenant, reference, accepted) = await SubmitAsync(jurisdiction, regime, relationship);
        var staff = tenant.Staff(Engine, "privacy-officer");
        var view = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/representative");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)accepted["proofRequired"]!, Does.Contain(documents).And.Contain(source));
            Assert.That((string)view!["proof"]!["status"]!, Is.EqualTo("awaited"));
            Assert.That((string)view["proof"]!["documents"]!, Does.Contain(documents));
        }
        if (regime == "gdpr" && relationship == "parent")
            Assert.That((int)view["proof"]!["childUnder"]!, Is.EqualTo(15), "France: Loi Informatique et Libertés art. 45");
    }

    [Test]
    public async Task An_agents_request_is_held_until_staff_confirm_the_signed_permission()
    {
        var (tenant, reference, _) = await SubmitAsync("US-CA", "ccpa", "authorised-agent");
        var staff = tenant.Staff(Engine, "privacy-officer");
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("identity"), "the identity step");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/identity", new { evidence = "Consumer confirmed by phone." });
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:assess"), "the assessment");

        var held = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions",
            new { step = "assess", outcome = "proceed" });
        var problem = await held.ReadObjectAsync();
        var blank = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/representative/proof", new { evidence = " " });
        var confirmed = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/representative/proof",
            new { evidence = "Signed permission of 2 March seen; the consumer confirmed it directly by phone." });
        var again = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/representative/proof", new { evidence = "Again." });
        var proceeded = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions",
            new { step = "assess", outcome = "proceed" });
        var journal = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/journal");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(held.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That((string)problem["type"]!, Does.EndWith("representative-proof-unconfirmed"));
            Assert.That(blank.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await confirmed.Content.ReadAsStringAsync());
            Assert.That((string)(await confirmed.ReadObjectAsync())["proof"]!["status"]!, Is.EqualTo("confirmed"));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(proceeded.StatusCode, Is.EqualTo(HttpStatusCode.OK), await proceeded.Content.ReadAsStringAsync());
            Assert.That(journal!["entries"]!.AsArray().Select(e => (string)e!["kind"]!), Does.Contain("representative-proof-confirmed"));
        }
    }

    [Test]
    public async Task A_request_without_a_representative_is_not_held()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "access");
        var staff = tenant.Staff(Engine, "privacy-officer");
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("identity"), "the identity step");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/identity", new { evidence = "Known customer." });
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:assess"), "the assessment");
        var proceeded = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions",
            new { step = "assess", outcome = "proceed" });
        var missing = await staff.GetAsync($"/api/v1/staff/requests/{reference}/representative");
        Assert.That(proceeded.StatusCode, Is.EqualTo(HttpStatusCode.OK), await proceeded.Content.ReadAsStringAsync());
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
