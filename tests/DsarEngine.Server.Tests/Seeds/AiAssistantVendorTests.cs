using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Seeds;

// The AI assistant sample (samples/organisations/ai-assistant-vendor.json; seeds 003 Elastra and 004 AsthronAI): a processor
// for its business customers' visitor, lead and booking data, and the controller of its own account holders' data.
// "Customers are responsible for responding to visitor ... requests; AsthronAI will reasonably assist" and "requests should
// usually be directed to that organization first" (GDPR Art. 28(3)(e)): forwarded, referred, or kept when about its own data.
public sealed class AiAssistantVendorTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task A_visitors_request_goes_to_the_customer_an_outside_customers_is_referred_and_its_own_data_stays()
    {
        var vendor = await SampleOrganisations.CreateAsync(Engine, "ai-assistant-vendor");
        var customer = await TestTenant.CreateAsync(Engine, name: "Salon Exemple SARL");
        var created = await vendor.Staff(Engine, "admin").PutAsJsonAsync("/api/v1/staff/workspaces/salon-exemple",
            new { displayName = "Salon Exemple (booking chat)", customer = customer.Slug });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var accepted = await customer.Staff(Engine, "admin").PutAsync($"/api/v1/staff/processors/{vendor.Slug}", null);
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK), await accepted.Content.ReadAsStringAsync());

        var forwardedEmail = Submissions.UniqueEmail("visitor");
        var forwarded = await SubmitAsync(vendor, "erasure", forwardedEmail, "salon-exemple");
        var forwardedBody = await forwarded.ReadObjectAsync();
        var reference = (string)forwardedBody["reference"]!;
        var atCustomer = await customer.Staff(Engine, "agent").GetAsync($"/api/v1/staff/requests/{reference}");
        var atVendor = await vendor.Staff(Engine, "agent").GetAsync($"/api/v1/staff/requests/{reference}");
        var referred = await SubmitAsync(vendor, "access", Submissions.UniqueEmail("lead"), "atelier-lumiere");
        var referredBody = await referred.ReadObjectAsync();
        // A customer's staff member withdraws the consent to training the models on their conversations (seed 003 §4).
        var own = await SubmitAsync(vendor, "consent-withdrawal", Submissions.UniqueEmail("staff"), null, "ai-training");
        var ownReference = (string)(await own.ReadObjectAsync())["reference"]!;
        var ownView = await vendor.Staff(Engine, "agent").GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{ownReference}");
        var log = await vendor.Staff(Engine, "auditor").GetFromJsonAsync<JsonArray>("/api/v1/staff/workspaces/routing-log");
        var acknowledgement = await MailCatcher.WaitForAsync(forwardedEmail, "request-received");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(forwarded.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That((string)forwardedBody["controller"]!, Is.EqualTo("Salon Exemple SARL"));
            Assert.That((string)forwardedBody["routedBy"]!, Is.EqualTo("Causerie IA SAS"));
            Assert.That(atCustomer.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the customer, the controller, answers");
            Assert.That(atVendor.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the processor keeps nothing");
            Assert.That(acknowledgement.Body, Does.Contain("Causerie IA SAS").And.Contain("Salon Exemple SARL"));
            Assert.That(referred.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string)referredBody["status"]!, Is.EqualTo("referred"));
            Assert.That((string)referredBody["contactEmail"]!, Is.EqualTo("privacy@atelier-lumiere.example"),
                "the outside customer named in the sample");
            Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That((string)ownView!["regime"]!, Is.EqualTo("gdpr"), "its own account holders' data: it is their controller");
            Assert.That((string)ownView["purpose"]!, Is.EqualTo("ai-training"));
            Assert.That(log!.Select(e => (string)e!["outcome"]!).Reverse(), Is.EqualTo(new[] { "forwarded", "referred" }));
        }
    }

    private static async Task<HttpResponseMessage> SubmitAsync(
        TestTenant tenant, string right, string email, string? workspace, string? purpose = null)
    {
        var body = Submissions.Valid(tenant.Slug, right);
        body["subject"]!["email"] = email;
        if (purpose is not null)
            body["purpose"] = purpose;
        if (workspace is not null)
            body["workspace"] = workspace;
        return await Engine.CreateClient().SendAsync(Submissions.Post(body));
    }
}
