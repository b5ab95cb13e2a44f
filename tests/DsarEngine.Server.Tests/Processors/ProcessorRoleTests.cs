using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Processors;

// A processor (a helpdesk SaaS) hears from a subject about a customer's workspace: the request goes to the customer,
// the controller, and the subject is told so; an outside customer's subject is told whom to write to.
public sealed class ProcessorRoleTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static async Task<(TestTenant Processor, TestTenant Customer)> SetUpAsync(bool accepted = true)
    {
        var customer = await TestTenant.CreateAsync(Engine, name: "Acme Retail SA");
        var processor = await TestTenant.CreateAsync(Engine, name: "Helpdesk Cloud SAS");
        var admin = processor.Staff(Engine, "admin");
        Assert.That((await admin.PutAsJsonAsync("/api/v1/staff/organisation/role", new { role = "processor" })).StatusCode,
            Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await admin.PutAsJsonAsync("/api/v1/staff/workspaces/acme",
                new { displayName = "Acme Retail", customer = customer.Slug })).StatusCode,
            Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await admin.PutAsJsonAsync("/api/v1/staff/workspaces/globex", new
        {
            displayName = "Globex", contactName = "Globex Corp. privacy office", contactEmail = "privacy@globex.example",
        })).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        if (accepted)
            Assert.That((await customer.Staff(Engine, "admin").PutAsync($"/api/v1/staff/processors/{processor.Slug}", null)).StatusCode,
                Is.EqualTo(HttpStatusCode.OK));
        return (processor, customer);
    }

    [Test]
    public async Task A_customer_receives_forwarded_requests_only_once_it_accepts_the_processor_and_until_it_revokes()
    {
        var (processor, customer) = await SetUpAsync(accepted: false);
        var customerAdmin = customer.Staff(Engine, "admin");
        var pending = await customerAdmin.GetFromJsonAsync<JsonArray>("/api/v1/staff/processors");
        var heldReference = (string)(await (await SubmitAsync(processor, "acme")).ReadObjectAsync())["reference"]!;
        var heldAtProcessor = await processor.Staff(Engine, "agent").GetAsync($"/api/v1/staff/requests/{heldReference}");
        var heldAtCustomer = await customerAdmin.GetAsync($"/api/v1/staff/requests/{heldReference}");
        var heldJournal = await processor.Staff(Engine, "agent")
            .GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{heldReference}/journal");
        var byAgent = await customer.Staff(Engine, "agent").PutAsync($"/api/v1/staff/processors/{processor.Slug}", null);
        var stranger = await TestTenant.CreateAsync(Engine);
        var notNaming = await stranger.Staff(Engine, "admin").PutAsync($"/api/v1/staff/processors/{processor.Slug}", null);
        var accept = await customerAdmin.PutAsync($"/api/v1/staff/processors/{processor.Slug}", null);
        var forwardedReference = (string)(await (await SubmitAsync(processor, "acme")).ReadObjectAsync())["reference"]!;
        var forwardedAtCustomer = await customerAdmin.GetAsync($"/api/v1/staff/requests/{forwardedReference}");
        var revoke = await customerAdmin.DeleteAsync($"/api/v1/staff/processors/{processor.Slug}");
        var afterReference = (string)(await (await SubmitAsync(processor, "acme")).ReadObjectAsync())["reference"]!;
        var afterAtProcessor = await processor.Staff(Engine, "agent").GetAsync($"/api/v1/staff/requests/{afterReference}");
        var log = await processor.Staff(Engine, "auditor").GetFromJsonAsync<JsonArray>("/api/v1/staff/workspaces/routing-log");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)pending!.Single()!["processor"]!, Is.EqualTo(processor.Slug));
            Assert.That((bool)pending!.Single()!["accepted"]!, Is.False);
            Assert.That(heldAtProcessor.StatusCode, Is.EqualTo(HttpStatusCode.OK), "not accepted: the processor keeps the request");
            Assert.That(heldAtCustomer.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "nothing reaches an inbox that did not accept it");
            Assert.That((string)heldJournal!["entries"]![0]!["data"]!["heldFor"]!["workspace"]!, Is.EqualTo("acme"),
                "the processor's staff see what it is about");
            Assert.That(byAgent.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(notNaming.StatusCode, Is.EqualTo(HttpStatusCode.NotFound),
                "only a processor that names the organisation can be accepted");
            Assert.That(accept.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(forwardedAtCustomer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(afterAtProcessor.StatusCode, Is.EqualTo(HttpStatusCode.OK), "revoked: the processor keeps requests again");
            Assert.That(log!.Select(e => (string)e!["outcome"]!).Reverse(), Is.EqualTo(new[] { "held", "forwarded", "held" }),
                "the log, newest first");
        }
    }

    private static async Task<HttpResponseMessage> SubmitAsync(
        TestTenant tenant, string? workspace, string language = "en", string? email = null)
    {
        var body = Submissions.Valid(tenant.Slug, "access");
        body["language"] = language;
        if (email is not null)
            body["subject"]!["email"] = email;
        if (workspace is not null)
            body["workspace"] = workspace;
        return await Engine.CreateClient().SendAsync(Submissions.Post(body));
    }

    [Test]
    public async Task A_request_about_a_customers_workspace_lands_in_the_customers_inbox_and_the_subject_is_told()
    {
        var (processor, customer) = await SetUpAsync();
        var email = Submissions.UniqueEmail("routed");
        var response = await SubmitAsync(processor, "acme", email: email);
        var accepted = await response.ReadObjectAsync();
        var reference = (string)accepted["reference"]!;
        var atCustomer = await customer.Staff(Engine, "agent").GetAsync($"/api/v1/staff/requests/{reference}");
        var atProcessor = await processor.Staff(Engine, "agent").GetAsync($"/api/v1/staff/requests/{reference}");
        var journal = await customer.Staff(Engine, "agent").GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/journal");
        var log = await processor.Staff(Engine, "auditor").GetFromJsonAsync<JsonArray>("/api/v1/staff/workspaces/routing-log");
        var mail = await MailCatcher.WaitForAsync(email, "request-received");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That((string)accepted["controller"]!, Is.EqualTo("Acme Retail SA"));
            Assert.That((string)accepted["routedBy"]!, Is.EqualTo("Helpdesk Cloud SAS"));
            Assert.That(atCustomer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(atProcessor.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await Rows.CountAsync(Engine, "requests", processor.Id), Is.Zero);
            Assert.That(journal!.ToJsonString(), Does.Contain("\"routedFrom\"").And.Contain(processor.Slug));
            Assert.That((string)log!.Single()!["outcome"]!, Is.EqualTo("forwarded"));
            Assert.That((string)log!.Single()!["routedRequestId"]!, Is.Not.Empty);
            Assert.That(mail.Body, Does.Contain("You wrote to Helpdesk Cloud SAS about the Acme Retail workspace")
                .And.Contain("passed your request to Acme Retail SA"));
        }
    }

    [Test]
    public async Task A_request_about_an_outside_customers_workspace_is_referred_in_the_subjects_language_and_nothing_is_kept()
    {
        var (processor, _) = await SetUpAsync();
        var email = Submissions.UniqueEmail("referred");
        var response = await SubmitAsync(processor, "globex", "fr", email);
        var referral = await response.ReadObjectAsync();
        var mail = await MailCatcher.WaitForAsync(email, "request-referred");
        var written = await Rows.CountAsync(Engine, "mail_messages", processor.Id);
        var log = await processor.Staff(Engine, "auditor").GetFromJsonAsync<JsonArray>("/api/v1/staff/workspaces/routing-log");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string)referral["status"]!, Is.EqualTo("referred"));
            Assert.That((string)referral["contactEmail"]!, Is.EqualTo("privacy@globex.example"));
            // French sets a narrow no-break space before the colon.
            Assert.That((string)referral["message"]!,
                Does.Contain("Adressez-la à Globex Corp. privacy office\u202F: privacy@globex.example"));
            Assert.That(await Rows.CountAsync(Engine, "requests", processor.Id), Is.Zero);
            Assert.That(written, Is.EqualTo(1), "the referral is the only message");
            Assert.That(mail.Body, Does.Contain("Adressez votre demande à Globex Corp. privacy office\u202F: privacy@globex.example"));
            Assert.That((string)log!.Single()!["outcome"]!, Is.EqualTo("referred"));
        }
    }

    [Test]
    public async Task An_unknown_workspace_or_a_workspace_at_a_controller_is_refused_and_nothing_is_stored()
    {
        var (processor, customer) = await SetUpAsync();
        var unknown = await SubmitAsync(processor, "initech");
        var atController = await SubmitAsync(customer, "acme");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await unknown.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "workspace" }));
            Assert.That(atController.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await atController.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "workspace" }));
            Assert.That(await Rows.CountAsync(Engine, "requests", processor.Id) + await Rows.CountAsync(Engine, "requests", customer.Id),
                Is.Zero);
            Assert.That(await Rows.CountAsync(Engine, "routing_log", processor.Id), Is.Zero);
        }
    }

    [Test]
    public async Task Only_a_processors_admins_manage_workspaces_and_each_bad_field_is_named()
    {
        var (processor, customer) = await SetUpAsync();
        var byAgent = await processor.Staff(Engine, "agent").PutAsJsonAsync("/api/v1/staff/workspaces/x1",
            new { displayName = "X", contactUrl = "https://x.example" });
        var atController = await customer.Staff(Engine, "admin").PutAsJsonAsync("/api/v1/staff/workspaces/x1",
            new { displayName = "X", contactUrl = "https://x.example" });
        var bad = await processor.Staff(Engine, "admin").PutAsJsonAsync("/api/v1/staff/workspaces/Bad_Key",
            new { contactEmail = "not-an-address", contactUrl = "ftp://x" });
        var both = await processor.Staff(Engine, "admin").PutAsJsonAsync("/api/v1/staff/workspaces/both",
            new { displayName = "B", customer = customer.Slug, contactEmail = "a@b.example" });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(byAgent.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(atController.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That((await bad.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key),
                Is.EquivalentTo(new[] { "key", "displayName", "contactEmail", "contactUrl" }));
            Assert.That((await both.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "customer" }));
            Assert.That((await processor.Staff(Engine, "auditor").GetFromJsonAsync<JsonArray>("/api/v1/staff/workspaces"))!,
                Has.Count.EqualTo(2));
        }
    }
}
