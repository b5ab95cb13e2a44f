using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Packs;

// Legal review E5, end to end: the e-mails a subject receives are worded for the request's law and written in a
// language that law's wording exists in. Read where the subject reads them: the mail catcher.
public sealed class RegimeAnswerTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static async Task<(string Reference, string Email, HttpClient Staff)> SubmitAsync(
        string jurisdiction, string language, string name)
    {
        var tenant = await TestTenant.CreateAsync(Engine, jurisdiction: jurisdiction);
        var email = Submissions.UniqueEmail("regime");
        var body = Submissions.Valid(tenant.Slug, "access");
        body["subject"]!["email"] = email;
        body["subject"]!["name"] = name;
        (body["language"], body["jurisdiction"]) = (language, jurisdiction);
        var submitted = await Engine.CreateClient().SendAsync(Submissions.Post(body));
        Assert.That(submitted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await submitted.Content.ReadAsStringAsync());
        return ((string)(await submitted.ReadObjectAsync())["reference"]!, email, tenant.Staff(Engine, "privacy-officer"));
    }

    [Test]
    public async Task A_brazilian_request_made_in_french_is_acknowledged_in_portuguese()
    {
        var (reference, email, staff) = await SubmitAsync("BR", "fr", "Ana Souza");
        var received = await MailCatcher.WaitForAsync(email, "request-received");
        var view = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)view!["regime"]!, Is.EqualTo("lgpd"));
            Assert.That(received.Subject, Is.EqualTo($"Recebemos a sua solicitação {reference}"));
            Assert.That(received.Body, Does.StartWith("Olá, Ana Souza,").And.Contain("(acesso aos dados)")
                .And.Match(@"em \d{1,2} de \w+ de \d{4}\."));
            Assert.That(received.Body, Does.Not.Contain("Bonjour").And.Not.Contain("Hello"));
        }
    }

    [Test]
    public async Task A_californian_extension_e_mail_gives_45_more_days_and_no_gdpr_article()
    {
        var (reference, email, staff) = await SubmitAsync("US-CA", "en", "Ada Lovelace");
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("identity"), "the identity step");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/identity", new { evidence = "Known customer, called back." });
        await TestData.Workflows.WaitForAsync(staff, reference, v => (string?)v["waitingFor"] != "identity", "identity verified");
        var extended = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/extension", new { reason = "Forty systems." });
        Assert.That(extended.StatusCode, Is.EqualTo(HttpStatusCode.OK), await extended.Content.ReadAsStringAsync());
        var notice = await MailCatcher.WaitForAsync(email, "deadline-extended");
        Assert.That(notice.Body, Does.Contain("Forty systems.").And.Contain("45 more days").And.Contain("§1798.130(a)(2)(A)")
            .And.Not.Contain("GDPR").And.Not.Contain("two further months"));
    }
}
