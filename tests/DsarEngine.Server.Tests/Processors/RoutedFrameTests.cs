using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Processors;

// A request a processor passes on is the controller's from the moment it arrives: the controller's law, time zone
// and clock frame it (GDPR Art. 12(3) runs from the controller's receipt), and the subject is told in their language.
public sealed class RoutedFrameTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task A_routed_request_is_framed_by_the_controller_and_the_subject_is_told_so_in_french()
    {
        var customer = await TestTenant.CreateAsync(Engine, name: "Acme Retail SA");
        var processor = await TestTenant.CreateAsync(Engine, jurisdiction: "GB", name: "Helpdesk Cloud Ltd");
        var admin = processor.Staff(Engine, "admin");
        Assert.That((await admin.PutAsJsonAsync("/api/v1/staff/organisation/role", new { role = "processor" })).StatusCode,
            Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await admin.PutAsJsonAsync("/api/v1/staff/workspaces/acme",
                new { displayName = "Acme Retail", customer = customer.Slug })).StatusCode,
            Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await customer.Staff(Engine, "admin").PutAsync($"/api/v1/staff/processors/{processor.Slug}", null)).StatusCode,
            Is.EqualTo(HttpStatusCode.OK));
        var body = Submissions.Valid(processor.Slug, "access");
        body.Remove("jurisdiction"); // the subject leaves the law to the organisation: it must be the controller's, not the processor's
        body["workspace"] = " ACME ";

        var response = await Engine.CreateClient().SendAsync(Submissions.Post(body));
        var accepted = await response.ReadObjectAsync();
        var view = await customer.Staff(Engine, "agent")
            .GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{(string)accepted["reference"]!}");
        var log = (await processor.Staff(Engine, "auditor").GetFromJsonAsync<JsonArray>("/api/v1/staff/workspaces/routing-log"))!
            .Single()!;
        var mail = await MailCatcher.WaitForAsync((string)body["subject"]!["email"]!,
            "request-received"); // the workflow may already have written more
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That((string)accepted["message"]!,
                Does.Contain("Vous avez écrit à Helpdesk Cloud Ltd au sujet de l'espace Acme Retail")
                .And.Contain("a transmis votre demande à Acme Retail SA"));
            Assert.That((string)view!["jurisdiction"]!, Is.EqualTo("FR"));
            Assert.That((string)view["regime"]!, Is.EqualTo("gdpr"));
            Assert.That((string)view["deadline"]!["timeZone"]!, Is.EqualTo("Europe/Paris"));
            // Forwarded without delay: the processor's record and the controller's receipt are the same instant.
            Assert.That((DateTimeOffset)log["routedAt"]!, Is.EqualTo((DateTimeOffset)accepted["receivedAt"]!));
            Assert.That((string)log["workspaceKey"]!, Is.EqualTo("acme"));
            Assert.That(mail.Subject, Does.StartWith("Nous avons bien reçu votre demande"), "in the subject's language");
            Assert.That(mail.Body, Does.Contain("a transmis votre demande à Acme Retail SA"));
        }
    }

    [Test]
    public async Task A_request_to_a_processor_about_its_own_data_stays_with_the_processor()
    {
        var processor = await TestTenant.CreateAsync(Engine, name: "Helpdesk Cloud SAS");
        Assert.That((await processor.Staff(Engine, "admin")
                .PutAsJsonAsync("/api/v1/staff/organisation/role", new { role = "processor" })).StatusCode,
            Is.EqualTo(HttpStatusCode.NoContent));
        var response = await Engine.CreateClient().SendAsync(Submissions.Post(Submissions.Valid(processor.Slug, "access")));
        var accepted = await response.ReadObjectAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(accepted["controller"], Is.Null);
            Assert.That(await Rows.CountAsync(Engine, "requests", processor.Id), Is.EqualTo(1));
            Assert.That(await Rows.CountAsync(Engine, "routing_log", processor.Id), Is.Zero);
        }
    }
}
