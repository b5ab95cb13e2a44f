using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Packs;

namespace DsarEngine.Server.Tests.Packs;

public sealed class PortabilityArchiveTests
{
    [Test]
    public void The_archive_holds_json_and_csv_per_system_and_category_and_the_manifest_digests_match()
    {
        var document = new ExportDocument("crm", "Sales CRM",
        [
            new ExportedCategory("contact-details",
                [new Dictionary<string, string?> { ["name"] = "Анна \"Аня\" Каренина", ["city"] = "Paris, France" }]),
            new ExportedCategory("notes", [new Dictionary<string, string?> { ["body"] = "line one\nline two" }]),
        ]);
        var zip = PortabilityArchive.Build("%PDF-1.7 letter"u8.ToArray(),
            [System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(document, DsarEngine.Connectors.ExportUpload.Json)]);
        using var archive = new ZipArchive(new MemoryStream(zip));
        var files = archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            return m.ToArray();
        });
        var manifest = JsonNode.Parse(files["manifest.json"])!["files"]!.AsArray();
        var csv = Encoding.UTF8.GetString(files["sales-crm/contact-details.csv"]).TrimStart('\uFEFF');
        using (Assert.EnterMultipleScope())
        {
            Assert.That(files.Keys, Is.EquivalentTo(new[]
            {
                "letter.pdf", "sales-crm/contact-details.json", "sales-crm/contact-details.csv", "sales-crm/notes.json",
                "sales-crm/notes.csv", "manifest.json",
            }));
            Assert.That(manifest.Select(f => (string)f!["path"]!), Is.EquivalentTo(files.Keys.Where(k => k != "manifest.json")));
            foreach (var f in manifest)
                Assert.That((string)f!["sha256"]!, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(files[(string)f["path"]!]))),
                    (string)f["path"]!);
            Assert.That(csv, Is.EqualTo("name,city\r\n\"Анна \"\"Аня\"\" Каренина\",\"Paris, France\"\r\n"));
            Assert.That(Encoding.UTF8.GetString(files["sales-crm/notes.csv"]), Does.Contain("\"line one\nline two\""));
        }
    }

    // Two connectors both calling their system "CRM", and two categories of one system that slug alike: before, the ZIP
    // held the same path twice (an unzip tool shows one and hides the other) and the manifest listed it twice.
    [Test]
    public void Systems_and_categories_whose_names_slug_alike_get_their_own_paths_and_no_file_is_hidden()
    {
        static byte[] Export(string system, params string[] categories) => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
            new ExportDocument("c", system, [.. categories.Select(c => new ExportedCategory(c,
                [new Dictionary<string, string?> { ["from"] = $"{system}:{c}" }]))]), DsarEngine.Connectors.ExportUpload.Json);
        var zip = PortabilityArchive.Build("%PDF-1.7"u8.ToArray(), [Export("CRM", "Notes", "notes!"), Export("crm", "notes")]);
        using var archive = new ZipArchive(new MemoryStream(zip));
        var paths = archive.Entries.Select(e => e.FullName).ToList();
        string Read(string path)
        {
            using var r = new StreamReader(archive.GetEntry(path)!.Open());
            return r.ReadToEnd();
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(paths, Is.Unique);
            Assert.That(paths, Is.EquivalentTo(new[]
            {
                "letter.pdf", "crm/notes.json", "crm/notes.csv", "crm/notes-2.json", "crm/notes-2.csv", "crm-2/notes.json",
                "crm-2/notes.csv", "manifest.json",
            }));
            Assert.That(Read("crm/notes-2.json"), Does.Contain("CRM:notes!"));
            Assert.That(Read("crm-2/notes.json"), Does.Contain("crm:notes"));
        }
    }

    [Test]
    public void Csv_cells_that_a_spreadsheet_would_run_as_formulas_are_made_text_and_the_json_keeps_them_exactly()
    {
        var formulas = new[] { "=HYPERLINK(\"https://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1" };
        var record = formulas.Select((f, i) => (Key: $"c{i}", Value: f)).ToDictionary(p => p.Key, p => (string?)p.Value);
        record["plain"] = "a-b=c";
        var document = new ExportDocument("crm", "CRM", [new ExportedCategory("notes", [record])]);
        var zip = PortabilityArchive.Build("%PDF-1.7"u8.ToArray(),
            [System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(document, DsarEngine.Connectors.ExportUpload.Json)]);
        using var archive = new ZipArchive(new MemoryStream(zip));
        string Read(string path)
        {
            using var s = archive.GetEntry(path)!.Open();
            using var r = new StreamReader(s);
            return r.ReadToEnd().TrimStart('\uFEFF');
        }
        var csv = Read("crm/notes.csv");
        var json = JsonNode.Parse(Read("crm/notes.json"))!.AsArray()[0]!;
        using (Assert.EnterMultipleScope())
        {
            // RFC 4180 quoting still applies after the apostrophe (quotes doubled, a CR quoted).
            Assert.That(csv, Is.EqualTo("c0,c1,c2,c3,c4,c5,plain\r\n"
                + "\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\",'+1+1,'-2+3,'@SUM(A1),'\t=1,\"'\r=1\",a-b=c\r\n"));
            Assert.That(formulas.Select((f, i) => (string?)json[$"c{i}"]), Is.EqualTo(formulas));
        }
    }
}
