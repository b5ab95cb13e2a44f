using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Staff;

public sealed partial class MailboxTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task The_subject_receives_an_acknowledgement_in_their_language_with_a_working_link()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var client = Engine.CreateClient();
        var body = Submissions.Valid(tenant.Slug, "portability");
        var email = (string)body["subject"]!["email"]!;
        var reference = (string)(await (await client.SendAsync(Submissions.Post(body))).ReadObjectAsync())["reference"]!;

        // Over SMTP to the subject's inbox (the mail catcher), as the subject reads it.
        var mail = await MailCatcher.WaitForAsync(email, "request-received");
        var link = new Uri(LinkPattern().Match(mail.Body).Value);
        var status = await client.GetAsync(link.PathAndQuery);
        var id = await Rows.ScalarAsync<Guid>(Engine,
            "SELECT id FROM mail_messages WHERE tenant_id = @id AND template = 'request-received'", new { id = tenant.Id });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(mail.Subject, Is.EqualTo($"Nous avons bien reçu votre demande {reference}"));
            Assert.That(mail.Body, Does.Contain("portabilité").And.Contain("Exemple SAS"));
            Assert.That(mail.Body, Does.StartWith($"Bonjour {body["subject"]!["name"]},"));
            Assert.That(mail.MessageId, Is.EqualTo($"<{id:N}@localhost.localdomain>"),
                "derived from the stored message, so a resend is recognisable");
            Assert.That(mail.Headers["Auto-Submitted"], Is.EqualTo("auto-generated"));
            Assert.That(status.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            // The link opens the subject's portal (the client follows its 303 with the session cookie), in their language.
            Assert.That(status.RequestMessage!.RequestUri!.PathAndQuery, Is.EqualTo($"/portal/{reference}"));
            Assert.That(await status.Content.ReadAsStringAsync(), Does.Contain($"Votre demande {reference}"));
        }
    }

    [Test]
    public async Task A_request_logged_without_an_email_sends_nothing()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var body = Submissions.Valid(tenant.Slug);
        body["channel"] = "post";
        body["subject"] = new JsonObject
        {
            ["name"] = "Jeanne",
            ["identities"] = new JsonArray(new JsonObject { ["type"] = "postal-address", ["value"] = "1 rue de la Paix" }),
        };
        var response = await tenant.Staff(Engine, "agent").SendAsync(Submissions.Post(body, path: "/api/v1/staff/requests"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(await Rows.CountAsync(Engine, "mail_messages", tenant.Id), Is.Zero);
    }

    [GeneratedRegex(@"http://\S+")]
    private static partial Regex LinkPattern();
}
