using System.IO.Compression;
using System.Text.Json.Nodes;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Packs;

// GDPR Art. 20(1), 20(4) end to end: a connector states each category's basis and origin (and single records' where they
// differ); the subject's archive holds only what portability covers, and the letter names what was left out and why, and
// what was included although its system did not say.
public sealed class PortabilityAnswerTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static Dictionary<string, string?> Row(string key, string value) => new() { [key] = value };

    internal static ExportDocument Scoped(string connector) => new(connector, "Test system",
    [
        new ExportedCategory("profile", [Row("name", "Zoé P1"), Row("message", "about my neighbour P2")])
        {
            LegalBasis = "contract", Origin = "provided", Scopes = [new RecordScope(1) { ConcernsOthers = true }],
        },
        new ExportedCategory("scores", [Row("score", "712")]) { LegalBasis = "legitimate-interests", Origin = "derived" },
        new ExportedCategory("invoices", [Row("invoice", "F-1"), Row("invoice", "F-2")])
        {
            LegalBasis = "legal-obligation", Origin = "provided",
        },
        new ExportedCategory("clicks", [Row("page", "/shoes")]) { LegalBasis = "consent", Origin = "observed" },
        new ExportedCategory("notes", [Row("body", "said nothing")]),
    ]);

    [Test]
    public async Task The_archive_holds_only_portable_data_and_the_letter_says_what_was_left_out_and_why()
    {
        await using var connector = await ExportingConnector.StartAsync($"scope-{Guid.NewGuid():N}"[..14]);
        connector.Document = task => Scoped(task.Connector);
        var tenant = await TestTenant.CreateAsync(Engine);
        await connector.ServeAsync(tenant.Slug);
        await RequestDriver.RegisterAsync(tenant.Staff(Engine, "admin"), connector.Name,
            new { displayName = "Shop", actions = new[] { "export" } });
        var staff = tenant.Staff(Engine, "privacy-officer");
        var email = Submissions.UniqueEmail("scope");
        var body = Submissions.Valid(tenant.Slug, "portability");
        body["subject"]!["email"] = email;
        body["language"] = "en";
        var submitted = await Engine.CreateClient().SendAsync(Submissions.Post(body));
        Assert.That(submitted.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Accepted), await submitted.Content.ReadAsStringAsync());
        var reference = (string)(await submitted.ReadObjectAsync())["reference"]!;
        await RequestDriver.ToFanOutAsync(staff, reference);
        await RequestDriver.ApproveUntilClosedAsync(staff, reference);
        var (zip, _) = await SubjectDownload.DownloadAsync(Engine, reference, email);
        using var archive = new ZipArchive(new MemoryStream(zip));
        var paths = archive.Entries.Select(e => e.FullName).ToList();
        string Read(string path)
        {
            using var r = new StreamReader(archive.GetEntry(path)!.Open());
            return r.ReadToEnd();
        }
        var manifest = JsonNode.Parse(Read("manifest.json"))!["files"]!.AsArray().Select(f => (string)f!["path"]!).ToList();
        await using var pdf = archive.GetEntry("letter.pdf")!.Open();
        using var bytes = new MemoryStream();
        await pdf.CopyToAsync(bytes);
        var (letter, _, _) = await Poppler.ReadAsync(bytes.ToArray());
        var flat = string.Join(' ', letter.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(paths, Is.EquivalentTo(new[]
            {
                "letter.pdf", "test-system/profile.json", "test-system/profile.csv", "test-system/clicks.json",
                "test-system/clicks.csv", "test-system/notes.json", "test-system/notes.csv", "manifest.json",
            }), "no derived scores, no invoices kept under a legal obligation");
            Assert.That(manifest, Is.EquivalentTo(paths.Where(p => p != "manifest.json")));
            Assert.That(JsonNode.Parse(Read("test-system/profile.json"))!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(Read("test-system/profile.json"), Does.Contain("Zoé P1").And.Not.Contain("P2"), "Art. 20(4)");
            Assert.That(Read("test-system/profile.csv"), Does.Not.Contain("neighbour"));
            Assert.That(flat, Does.Contain("data you provided to us"));
            Assert.That(flat, Does.Contain("What the archive leaves out, and why"));
            Assert.That(flat, Does.Contain("Shop scores 1").And.Contain("Shop invoices 2").And.Contain("Shop profile 1"));
            Assert.That(flat, Does.Contain("Article 20(4)").And.Contain("consent or under a contract with you"));
            Assert.That(flat, Does.Contain("Included without a statement of their basis or source").And.Contain("Shop: notes"));
        }
    }
}
