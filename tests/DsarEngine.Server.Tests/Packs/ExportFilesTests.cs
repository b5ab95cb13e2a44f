using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Samples.CrmConnector;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Packs;

// GDPR Art. 15(3) and 20: the files a connector exports (a photo, a call recording) reach the subject byte for byte, under
// files/<system>/ in the archive, and the letter lists exactly those (name, type, size, system). Portability holds only
// the files its scope allows.
public sealed class ExportFilesTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static readonly byte[] Photo = CrmMedia.Photo("C-4242");
    private static readonly byte[] Recording = CrmMedia.CallRecording("C-4242");

    private static ExportDocument Document(string connector) => new(connector, "Phone CRM",
    [
        new ExportedCategory("contact-details", [new Dictionary<string, string?> { ["name"] = "Zoé" }]),
    ])
    {
        Files =
        [
            new ExportedFile("contact-photo.png", "image/png", Photo) { LegalBasis = "contract", Origin = "provided" },
            new ExportedFile("call-recording-1.wav", "audio/wav", Recording)
            {
                LegalBasis = "legitimate-interests", Origin = "observed", ConcernsOthers = true,
            },
        ],
    };

    // A request of that right through one connector that exports the document above, answered and closed.
    private static async Task<(string Reference, string Email, TestTenant Tenant, HttpClient Staff, string Connector)> AnsweredAsync(
        string right)
    {
        await using var connector = await ExportingConnector.StartAsync($"files-{Guid.NewGuid():N}"[..14]);
        connector.Document = task => Document(task.Connector);
        var tenant = await TestTenant.CreateAsync(Engine);
        await connector.ServeAsync(tenant.Slug);
        await RequestDriver.RegisterAsync(tenant.Staff(Engine, "admin"), connector.Name,
            new { displayName = "Phone CRM", actions = new[] { "export" } });
        var staff = tenant.Staff(Engine, "privacy-officer");
        var email = Submissions.UniqueEmail("files");
        var body = Submissions.Valid(tenant.Slug, right);
        body["subject"]!["email"] = email;
        body["language"] = "en";
        var submitted = await Engine.CreateClient().SendAsync(Submissions.Post(body));
        Assert.That(submitted.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Accepted), await submitted.Content.ReadAsStringAsync());
        var reference = (string)(await submitted.ReadObjectAsync())["reference"]!;
        await RequestDriver.ToFanOutAsync(staff, reference);
        await RequestDriver.ApproveUntilClosedAsync(staff, reference);
        return (reference, email, tenant, staff, connector.Name);
    }

    [Test]
    public async Task An_access_subject_downloads_the_photo_and_the_call_recording_byte_for_byte_and_the_letter_lists_them()
    {
        var (reference, email, tenant, staff, connector) = await AnsweredAsync("access");
        var parts = await SubjectDownload.DownloadPartsAsync(Engine, reference, email, "letter", "copy");
        var files = AccessCopyTests.Files(parts[1]);
        var manifest = JsonNode.Parse(files["manifest.json"])!["files"]!.AsArray()
            .ToDictionary(f => (string)f!["path"]!, f => (string)f!["sha256"]!);
        var letter = AccessCopyTests.Loose((await Poppler.ReadAsync(parts[0])).Text);
        var view = (await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/workflow"))!;
        var photoId = (string)RequestDriver.Task(view, connector)["export"]!["files"]!.AsArray()
            .Single(f => (string?)f!["name"] == "contact-photo.png")!["fileId"]!;
        // At rest: the photo's one chunk, sealed under its tenant, holds no trace of the photo's bytes.
        var sealedPlain = await Rows.ScalarAsync<long>(Engine, """
            SELECT count(*) FROM connector_exports
            WHERE export_id = @id::uuid AND tenant_id = @tenant AND position(@plain IN sealed) = 0 AND sealed <> @plain
            """, new { id = photoId, tenant = tenant.Id, plain = Photo });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sealedPlain, Is.EqualTo(1), "the photo is stored sealed, in its tenant's rows");
            Assert.That(Sha(files["files/phone-crm/contact-photo.png"]), Is.EqualTo(Sha(Photo)), "the photo, byte for byte");
            Assert.That(Sha(files["files/phone-crm/call-recording-1.wav"]), Is.EqualTo(Sha(Recording)), "the recording, byte for byte");
            Assert.That(manifest["files/phone-crm/contact-photo.png"], Is.EqualTo(Sha(Photo)));
            Assert.That(manifest["files/phone-crm/call-recording-1.wav"], Is.EqualTo(Sha(Recording)));
            // Each file's name, where the archive holds it, its type, its size and its system (the table's cells).
            foreach (var text in new[]
            {
                "contact-photo.png", "files/phone-crm/contact-photo.png", "image/png", $"{Photo.Length} bytes",
                "call-recording-1.wav", "files/phone-crm/call-recording-1.wav", "audio/wav",
                $"{(Recording.Length / 1024.0).ToString("#,0.#", CultureInfo.GetCultureInfo("en"))} KB", "Phone CRM",
            })
                Assert.That(letter, Does.Contain(AccessCopyTests.Loose(text)), text);
        }
    }

    [Test]
    public async Task A_portability_archive_holds_the_photo_the_subject_provided_and_leaves_out_the_call_that_concerns_others()
    {
        var (reference, email, _, _, _) = await AnsweredAsync("portability");
        var (zip, _) = await SubjectDownload.DownloadAsync(Engine, reference, email);
        var files = AccessCopyTests.Files(zip);
        var letter = string.Join(' ', (await Poppler.ReadAsync(files["letter.pdf"])).Text
            .Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Sha(files["files/phone-crm/contact-photo.png"]), Is.EqualTo(Sha(Photo)));
            Assert.That(files.Keys, Has.None.Contains("call-recording"), "GDPR Art. 20(4): the agent's voice is in it");
            Assert.That(letter, Does.Contain("contact-photo.png"));
            Assert.That(AccessCopyTests.Loose(letter),
                Does.Contain(AccessCopyTests.Loose("Phone CRM call-recording-1.wav 1 they also concern")),
                "listed as left out, with the reason");
            Assert.That(AccessCopyTests.Loose(letter), Does.Not.Contain(AccessCopyTests.Loose("files/phone-crm/call-recording-1.wav")),
                "never listed as delivered");
        }
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
