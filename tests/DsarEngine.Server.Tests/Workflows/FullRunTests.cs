using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Workflows;

// A request of each right runs from submission to closed on the real PostgreSQL and RabbitMQ, with a stub
// connector answering over the broker.
public sealed class FullRunTests
{
    private static EngineFactory Engine => SharedEngine.Engine;
    private StubConnector connector = null!;

    [OneTimeSetUp]
    public async Task StartConnector() => connector = await StubConnector.StartAsync($"stub-{Guid.NewGuid():N}"[..16]);

    [OneTimeTearDown]
    public async Task StopConnector() => await connector.DisposeAsync();

    // The submissions are in French: each right's letter must come in French, with its own title.
    [TestCase("access", "Votre demande d'accès à vos données personnelles")]
    [TestCase("rectification", "Votre demande de rectification de vos données personnelles")]
    [TestCase("erasure", "Votre demande d'effacement de vos données personnelles")]
    [TestCase("restriction", "Votre demande de limitation du traitement de vos données")]
    [TestCase("portability", "Vos données, dans un format portable")]
    [TestCase("objection", "Votre opposition au traitement de vos données")]
    [TestCase("consent-withdrawal", "Le retrait de votre consentement")]
    [TestCase("post-mortem-instructions", "Vos directives relatives à vos données après votre décès")]
    public async Task A_request_runs_from_submission_to_closed_and_the_subject_downloads_its_letter(string right, string title)
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        await connector.ServeAsync(tenant.Slug);
        await TestData.Workflows.RegisterConnectorAsync(Engine, tenant.Id, connector.Name,
            "locate", "export", "rectify", "erase", "restrict", "lift-restriction", "stop-processing");
        var body = Submissions.Valid(tenant.Slug, right);
        if (right is "objection" or "consent-withdrawal")
            body["purpose"] = "direct-marketing";
        var reference = (string)(await (await Engine.CreateClient().SendAsync(Submissions.Post(body))).ReadObjectAsync())["reference"]!;
        var staff = tenant.Staff(Engine, "privacy-officer");

        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("identity"), "the identity step");
        Assert.That((await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/identity",
                new { evidence = "Matched account e-mail and last order." })).StatusCode,
            Is.EqualTo(HttpStatusCode.OK));
        // An objection to direct marketing has no assessment (GDPR Art. 21(3)): it may close with no decision at all.
        var view = await TestData.Workflows.WaitForAsync(staff, reference,
            v => ((string?)v["waitingFor"])?.StartsWith("decision:", StringComparison.Ordinal) == true || TestData.Workflows.Closed(v),
            "the assessment");
        while (!TestData.Workflows.Closed(view))
        {
            var waiting = (string?)view["waitingFor"];
            if (waiting?.StartsWith("decision:", StringComparison.Ordinal) == true)
            {
                var step = waiting["decision:".Length..];
                var outcome = step.Contains("review", StringComparison.Ordinal) ? "approve" : "proceed";
                var decided = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions", new { step, outcome });
                Assert.That(decided.StatusCode, Is.EqualTo(HttpStatusCode.OK), await decided.Content.ReadAsStringAsync());
            }
            var version = (int)view["version"]!;
            view = await TestData.Workflows.WaitForAsync(staff, reference,
                v => (int)v["version"]! > version && (string?)v["waitingFor"] != "connectors" || TestData.Workflows.Closed(v),
                "the next bookmark");
        }
        var journal = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/journal");
        var request = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)view["outcome"]!, Is.EqualTo("completed"));
            Assert.That((string)request!["status"]!, Is.EqualTo("completed"));
            Assert.That((bool)journal!["verified"]!, Is.True);
            Assert.That(journal["entries"]!.AsArray().Select(e => (string)e!["kind"]!),
                Does.Contain("workflow-started").And.Contain("closed"));
            Assert.That(view["tasks"]!.AsArray().Select(t => (string)t!["status"]!), Has.All.EqualTo("done"));
        }
        // Every right ends with its letter, in the subject's language, downloadable by the subject through the link.
        var (content, type) = await SubjectDownload.DownloadAsync(Engine, reference, (string)body["subject"]!["email"]!);
        if (right == "portability")
        {
            Assert.That(type, Is.EqualTo("application/zip"));
            using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(content));
            using var pdf = new MemoryStream();
            using (var entry = archive.GetEntry("letter.pdf")!.Open())
                entry.CopyTo(pdf);
            content = pdf.ToArray();
        }
        var (text, _, info) = await Packs.Poppler.ReadAsync(content);
        Assert.That(text, Does.Contain(reference).And.Contain("Helpdesk Cloud SAS").And.Contain(title));
        Assert.That(System.Text.Encoding.Latin1.GetString(content), Does.Contain("/Lang (fr)"));
        Assert.That(info, Does.Contain("Tagged:          yes"));
        Assert.That(journal["entries"]!.AsArray().Select(e => (string)e!["kind"]!), Does.Contain("pack-rendered"));
    }
}
