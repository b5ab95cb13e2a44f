using System.Net;
using System.Net.Http.Json;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Tests.Packs;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Seeds;

// The helpdesk sample (samples/organisations/helpdesk-saas*.json, seed 000 AstraDesk), end to end with its own data: §13.5
// "Users retain the right to object to AI use for their own data. In this case, certain automatic features may be
// disabled". The support desk is told to stop that purpose only, and the French letter explains the Art. 21(1) assessment.
public sealed class HelpdeskSaasTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task An_objection_to_ai_use_stops_ai_for_that_subject_only_and_the_french_letter_explains_it()
    {
        await using var desk = await StubConnector.StartAsync($"desk-{Guid.NewGuid():N}"[..14]);
        var tenant = await SampleOrganisations.CreateAsync(Engine, "helpdesk-saas");
        await desk.ServeAsync(tenant.Slug);
        await RequestDriver.RegisterAsync(tenant.Staff(Engine, "admin"), desk.Name,
            new { displayName = "Support desk", actions = new[] { "export", "stop-processing" } });
        var staff = tenant.Staff(Engine, "privacy-officer");
        var email = Submissions.UniqueEmail("claire");
        var body = Submissions.Valid(tenant.Slug, "objection");
        body["subject"]!["email"] = email;
        body["purpose"] = "ai-processing";
        var submitted = await Engine.CreateClient().SendAsync(Submissions.Post(body));
        Assert.That(submitted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await submitted.Content.ReadAsStringAsync());
        var reference = (string)(await submitted.ReadObjectAsync())["reference"]!;

        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("identity"), "the identity step");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/identity", new { evidence = "Matched the account e-mail." });
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:assess"),
            "an assessment: an objection to AI use is not direct marketing (Art. 21(1))");
        var decided = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions", new
        {
            step = "assess", outcome = "proceed", grounds = "Faster replies do not override the subject's wish: AI is switched off.",
        });
        Assert.That(decided.StatusCode, Is.EqualTo(HttpStatusCode.OK), await decided.Content.ReadAsStringAsync());
        await RequestDriver.ApproveUntilClosedAsync(staff, reference);
        var (letter, _, _) = await Poppler.ReadAsync((await SubjectDownload.DownloadAsync(Engine, reference, email)).Content);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(desk.Received.OfType<StopProcessing>().Select(s => s.Purpose), Is.EqualTo(new[] { "ai-processing" }),
                "AI switched off, nothing else");
            Assert.That(letter, Does.Contain("Votre opposition au traitement de vos données").And.Contain("Helpdesk Cloud SAS"));
            Assert.That(letter, Does.Contain("Faster replies do not override"), "the grounds weighed, as recorded");
            Assert.That(letter, Does.Contain("21, paragraphe 1").Or.Contain("21(1)"), "Art. 21(1), not the marketing text");
            Assert.That(letter, Does.Not.Contain("absolue"), "not the direct-marketing text");
        }
    }
}
