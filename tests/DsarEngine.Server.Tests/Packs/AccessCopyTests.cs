using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Packs;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Packs;

// GDPR Art. 15(3): an access subject gets the letter (its tables show the first 50 rows of each category) and the full
// copy of every record, a sealed ZIP they download with the same one-time code.
public sealed partial class AccessCopyTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    // 120 records in two categories across two systems, with the values a CSV must quote or neutralise, a null and a key
    // some records lack.
    private static ExportDocument Shop(string connector) => new(connector, "Web shop",
    [
        new ExportedCategory("orders", [.. Enumerable.Range(1, 65).Select(i => (IReadOnlyDictionary<string, string?>)
            new Dictionary<string, string?>
            {
                ["order"] = $"O-{i:D6}", ["address"] = $"{i} rue de Lyon, \"Bât. B\"\nParis",
                ["note"] = i % 2 == 0 ? "=HYPERLINK(\"https://evil.example\")" : "Ünïcødé Кириллица",
                ["coupon"] = i % 3 == 0 ? null : "WELCOME",
            }.Where(p => i % 5 != 0 || p.Key != "coupon").ToDictionary())]),
    ]);

    private static ExportDocument Newsletter(string connector) => new(connector, "Newsletter",
    [
        new ExportedCategory("events", [.. Enumerable.Range(1, 55).Select(i => (IReadOnlyDictionary<string, string?>)
            new Dictionary<string, string?> { ["event"] = $"E-{i:D6}", ["kind"] = i % 2 == 0 ? "opened" : "+clicked, twice" })]),
    ]);

    private sealed record Answered(TestTenant Tenant, HttpClient Staff, string Reference, string Email, Guid RequestId,
        IReadOnlyList<ExportDocument> Sent);

    // An access request through two exporting connectors, approved until closed (the response e-mail is sent).
    private static async Task<Answered> AnsweredAsync(ExportingConnector shop, ExportingConnector newsletter)
    {
        shop.Document = task => Shop(task.Connector);
        newsletter.Document = task => Newsletter(task.Connector);
        var tenant = await TestTenant.CreateAsync(Engine);
        var admin = tenant.Staff(Engine, "admin");
        foreach (var (connector, name) in new[] { (shop, "Web shop"), (newsletter, "Newsletter") })
        {
            await connector.ServeAsync(tenant.Slug);
            await RequestDriver.RegisterAsync(admin, connector.Name, new { displayName = name, actions = new[] { "export" } });
        }
        var staff = tenant.Staff(Engine, "privacy-officer");
        var email = Submissions.UniqueEmail("copy");
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "access", email);
        await RequestDriver.ToFanOutAsync(staff, reference);
        await RequestDriver.ApproveUntilClosedAsync(staff, reference);
        var requestId = await Rows.ScalarAsync<Guid>(Engine, "SELECT id FROM requests WHERE reference = @reference", new { reference });
        return new Answered(tenant, staff, reference, email, requestId, [Shop(shop.Name), Newsletter(newsletter.Name)]);
    }

    private Answered answered = null!;

    // One answered request for the tests that read it (each test's own reads do not disturb the others').
    [OneTimeSetUp]
    public async Task AnswerAsync()
    {
        await using var shop = await ExportingConnector.StartAsync($"shop-{Guid.NewGuid():N}"[..14]);
        await using var newsletter = await ExportingConnector.StartAsync($"news-{Guid.NewGuid():N}"[..14]);
        answered = await AnsweredAsync(shop, newsletter);
    }

    [Test]
    public async Task An_access_subject_downloads_the_letter_and_the_full_copy_of_every_record_with_one_code()
    {
        var reference = answered.Reference;
        var link = new Uri(SubjectDownload.LinkPattern().Match(await SubjectDownload.MailAsync(answered.Email, "response-ready")).Value);
        var client = Engine.CreateClient();
        var sent = await client.PostAsync($"/api/v1/requests/{reference}/pack/code{link.Query}", null);
        var codeId = (string)(await sent.ReadObjectAsync())["codeId"]!;
        var code = SubjectDownload.CodePattern().Match(await SubjectDownload.MailAsync(answered.Email, "pack-code")).Value;
        var pack = $"/api/v1/requests/{reference}/pack{link.Query}&codeId={codeId}&code={code}";

        var unknownPart = await client.GetAsync($"{pack}&part=everything");
        var letter = await client.GetAsync(pack);
        var copy = await client.GetAsync($"{pack}&part=copy");
        var letterAgain = await client.GetAsync($"{pack}&part=letter");
        var parts = await Engine.Services.GetRequiredService<PackStore>().PartsAsync(answered.Tenant.Id, answered.RequestId, default);
        var journal = (await answered.Staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/journal"))!;
        Assert.That(copy.StatusCode, Is.EqualTo(HttpStatusCode.OK), await copy.Content.ReadAsStringAsync());
        var problem = await unknownPart.ReadObjectAsync();
        var text = Loose((await Poppler.ReadAsync(await letter.Content.ReadAsByteArrayAsync())).Text);
        var zip = await copy.Content.ReadAsByteArrayAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(unknownPart.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(unknownPart.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That((string)problem["type"]!, Is.EqualTo("urn:dsar:problem:validation"));
            Assert.That(problem["errors"]!["part"], Is.Not.Null);
            Assert.That(letter.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"), "the letter is the default");
            Assert.That(copy.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/zip"));
            Assert.That(copy.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Is.EqualTo($"{reference}-copy.zip"));
            Assert.That(letterAgain.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a code opens each part once");
            Assert.That(parts, Is.EqualTo(new[] { "letter", "copy" }));
            Assert.That(journal["entries"]!.AsArray().Where(e => (string)e!["kind"]! == "pack-downloaded")
                .Select(e => (string)e!["data"]!["part"]!), Is.EqualTo(new[] { "letter", "copy" }));
            Assert.That((bool)journal["verified"]!, Is.True);

            // The letter (in French, the request's language): 50 rows a table, the rest counted, the ZIP and its files named.
            Assert.That(text, Does.Contain(Loose("O-000050")).And.Not.Contain(Loose("O-000051"))
                .And.Contain(Loose("E-000050")).And.Not.Contain(Loose("E-000051")));
            Assert.That(text, Does.Contain(Loose($"dans le fichier ZIP {reference}-copy.zip, que vous téléchargez avec cette lettre")));
            Assert.That(text, Does.Contain(Loose($"Les fichiers de {reference}-copy.zip : letter.pdf")));
            foreach (var file in new[] { "web-shop/orders.json", "web-shop/orders.csv", "newsletter/events.json", "newsletter/events.csv" })
                Assert.That(text, Does.Contain(Loose($" {file} ")), file);
            Assert.That(text, Does.Contain(Loose("15 enregistrements de plus figurent dans web-shop/orders.json et web-shop/orders.csv"))
                .And.Contain(Loose("5 enregistrements de plus figurent dans newsletter/events.json et newsletter/events.csv")));
        }
        AssertEveryRecord(zip, answered.Sent, await letter.Content.ReadAsByteArrayAsync());
    }

    [Test]
    public async Task The_copy_is_sealed_at_rest_and_listed_for_staff_and_each_staff_download_is_journaled_with_who_read_it()
    {
        var reference = answered.Reference;
        var stored = await Rows.SingleAsync<StoredCopy>(Engine, """
            SELECT id, sealed, bytes, sha256 FROM response_packs WHERE request_id = @RequestId AND kind = 'access-copy'
            """, new { answered.RequestId });
        var documents = (await answered.Staff.GetFromJsonAsync<JsonArray>($"/api/v1/staff/requests/{reference}/documents"))!;
        var listed = documents.Single(d => (string)d!["kind"]! == "access-copy")!;
        var byApi = await answered.Staff.GetAsync((string)listed["url"]!);
        var auditor = await InboxSession.SignedInAsync(Engine, answered.Tenant, StaffRoles.Auditor);
        var byInbox = await auditor.GetAsync($"/inbox/requests/{reference}/documents/{stored.Id}");
        var preview = await auditor.GetAsync($"/inbox/requests/{reference}/documents/{stored.Id}/preview");
        var letterByApi = await answered.Staff.GetAsync($"/api/v1/staff/requests/{reference}/pack/letter.pdf");
        var journal = (await answered.Staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/journal"))!;
        var reads = journal["entries"]!.AsArray().Where(e => (string)e!["kind"]! == "pack-read-by-staff").ToList();
        var content = await byApi.Content.ReadAsByteArrayAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored.Sealed.AsSpan(0, 4).SequenceEqual("PK\u0003\u0004"u8), Is.False, "the stored bytes are not a ZIP");
            Assert.That(Encoding.Latin1.GetString(stored.Sealed), Does.Not.Contain("manifest.json").And.Not.Contain("O-000001"));
            Assert.That(byApi.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(byApi.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/zip"));
            Assert.That(content, Has.Length.EqualTo(stored.Bytes));
            Assert.That(Convert.ToHexStringLower(SHA256.HashData(content)),
                Is.EqualTo(stored.Sha256).And.EqualTo((string)listed["sha256"]!));
            Assert.That(Files(content).Keys, Does.Contain("web-shop/orders.csv"));
            Assert.That(byInbox.StatusCode, Is.EqualTo(HttpStatusCode.OK), "an auditor may read the copy");
            Assert.That(await byInbox.Content.ReadAsByteArrayAsync(), Is.EqualTo(content));
            Assert.That(preview.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "an archive is never previewed");
            Assert.That(letterByApi.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(reads.Select(e => (string)e!["actor"]!).ToList(), Has.Count.EqualTo(2)
                .And.Some.StartsWith("api-key:").And.Some.Contains("@"), "who read it: the API key, the signed-in person");
            Assert.That(reads.Select(e => (string)e!["data"]!["document"]!), Has.All.EqualTo(stored.Id.ToString()));
            Assert.That((bool)journal["verified"]!, Is.True);
        }
    }

    [Test]
    public async Task Another_organisation_cannot_reach_the_copy_and_one_request_s_link_opens_no_other()
    {
        var reference = answered.Reference;
        var copyId = await Rows.ScalarAsync<Guid>(Engine,
            "SELECT id FROM response_packs WHERE request_id = @RequestId AND kind = 'access-copy'", new { answered.RequestId });
        var other = await TestTenant.CreateAsync(Engine);
        var stranger = other.Staff(Engine, "admin");
        var strangerInbox = await InboxSession.SignedInAsync(Engine, other, StaffRoles.Admin);
        var otherReference = await RequestDriver.SubmitAsync(Engine, other, "access");
        var link = new Uri(SubjectDownload.LinkPattern().Match(await SubjectDownload.MailAsync(answered.Email, "response-ready")).Value);
        var client = Engine.CreateClient();
        var codeForOther = await client.PostAsync($"/api/v1/requests/{otherReference}/pack/code{link.Query}", null);
        var copyOfOther = await client.GetAsync(
            $"/api/v1/requests/{otherReference}/pack{link.Query}&codeId={Guid.NewGuid()}&code=123456&part=copy");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((await stranger.GetAsync($"/api/v1/staff/requests/{reference}/documents")).StatusCode,
                Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await stranger.GetAsync($"/api/v1/staff/requests/{reference}/documents/{copyId}")).StatusCode,
                Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await strangerInbox.GetAsync($"/inbox/requests/{reference}/documents/{copyId}")).StatusCode,
                Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(codeForOther.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((string)(await copyOfOther.ReadObjectAsync())["type"]!, Is.EqualTo("urn:dsar:problem:link-not-valid"));
        }
    }

    [Test]
    public async Task A_letter_rendered_again_after_a_rejected_review_comes_with_a_new_copy_that_holds_it()
    {
        await using var connector = await ExportingConnector.StartAsync($"again-{Guid.NewGuid():N}"[..14]);
        connector.Document = task => ExportingConnector.Sample(task.Connector, 60);
        var tenant = await TestTenant.CreateAsync(Engine);
        await connector.ServeAsync(tenant.Slug);
        await RequestDriver.RegisterAsync(tenant.Staff(Engine, "admin"), connector.Name,
            new { displayName = "Orders", actions = new[] { "export" } });
        var staff = tenant.Staff(Engine, "privacy-officer");
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "access");
        await RequestDriver.ToFanOutAsync(staff, reference);
        await TestData.Workflows.WaitForAsync(staff, reference, ReviewReady, "the first review");
        var rejected = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions",
            new { step = "review", outcome = "reject", reason = "The orders table needs its note." });
        Assert.That(rejected.StatusCode, Is.EqualTo(HttpStatusCode.OK), await rejected.Content.ReadAsStringAsync());
        var retried = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/retry", new { reason = "Fixed." });
        var version = (int)(await retried.ReadObjectAsync())["version"]!;
        await TestData.Workflows.WaitForAsync(staff, reference, v => ReviewReady(v) && (int)v["version"]! > version, "the second review");

        var request = (await Engine.Services.GetRequiredService<RequestStore>().FindAsync(tenant.Id, reference, default))!;
        var packs = Engine.Services.GetRequiredService<PackStore>();
        var documents = await packs.ListAsync(tenant.Id, request.Id, default);
        var answer = await packs.AnswerAsync(tenant.Id, request.Id, default);
        var letters = documents.Where(d => d.Kind == "letter").ToList();
        var copies = documents.Where(d => d.Kind == "access-copy").ToList();
        var copy = Files((await packs.ReadAsync(tenant.Id, request.Id, answer["copy"].Id, default))!);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(letters, Has.Count.EqualTo(2));
            Assert.That(copies, Has.Count.EqualTo(2), "each letter with its copy");
            Assert.That(answer["letter"].Id, Is.EqualTo(letters[^1].Id));
            Assert.That(answer["copy"].Id, Is.EqualTo(copies[^1].Id), "the new letter's copy, not the rejected one's");
            Assert.That(Convert.ToHexStringLower(SHA256.HashData(copy["letter.pdf"])), Is.EqualTo(letters[^1].Sha256),
                "the new copy holds the new letter");
            Assert.That(JsonNode.Parse(copy["test-system/orders.json"])!.AsArray(), Has.Count.EqualTo(60));
        }
    }

    [Test]
    public async Task The_parts_of_an_answer_are_those_rendered_with_its_latest_letter()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var packs = Engine.Services.GetRequiredService<PackStore>();
        var requests = Engine.Services.GetRequiredService<RequestStore>();
        async Task<Guid> RequestAsync(string right) =>
            (await requests.FindAsync(tenant.Id, await RequestDriver.SubmitAsync(Engine, tenant, right), default))!.Id;
        var (access, portability, erasure) =
            (await RequestAsync("access"), await RequestAsync("portability"), await RequestAsync("erasure"));
        var at = TimeProvider.System.GetUtcNow();
        var none = await packs.PartsAsync(tenant.Id, access, default);
        await packs.SaveAllAsync(
            tenant.Id, access, "en", [("letter", "%PDF-1"u8.ToArray()), ("access-copy", "PK"u8.ToArray())], at, default);
        var withCopy = await packs.PartsAsync(tenant.Id, access, default);
        // A letter rendered again without a copy (every system now answers "not found"): the earlier copy is not handed out.
        await packs.SaveAsync(tenant.Id, access, "letter", "en", "%PDF-2"u8.ToArray(), at.AddMinutes(1), default);
        var replaced = await packs.PartsAsync(tenant.Id, access, default);
        await packs.SaveAsync(tenant.Id, portability, "letter", "en", "%PDF"u8.ToArray(), at, default);
        await packs.SaveAsync(tenant.Id, portability, "portability-zip", "en", "PK"u8.ToArray(), at, default);
        await packs.SaveAsync(tenant.Id, erasure, "letter", "en", "%PDF"u8.ToArray(), at, default);
        await packs.SaveAsync(tenant.Id, erasure, "extension-notice", "en", "%PDF"u8.ToArray(), at.AddMinutes(1), default);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(none, Is.Empty);
            Assert.That(withCopy, Is.EqualTo(new[] { "letter", "copy" }));
            Assert.That(replaced, Is.EqualTo(new[] { "letter" }));
            Assert.That(await packs.PartsAsync(tenant.Id, portability, default), Is.EqualTo(new[] { "letter", "archive" }));
            Assert.That(await packs.PartsAsync(tenant.Id, erasure, default), Is.EqualTo(new[] { "letter" }), "a notice is no part");
            Assert.That(await packs.PartsAsync(Guid.NewGuid(), access, default), Is.Empty, "another organisation's request has none");
        }
    }

    private static bool ReviewReady(JsonObject v) => (string?)v["waitingFor"] == "decision:review" && (string?)v["status"] == "waiting";

    private sealed record StoredCopy(Guid Id, byte[] Sealed, int Bytes, string Sha256)
    {
        private StoredCopy() : this(default, [], 0, "") { }
    }

    // Every file the manifest lists, with its size and digest; every record in JSON and in CSV, value by value.
    private static void AssertEveryRecord(byte[] zip, IReadOnlyList<ExportDocument> sent, byte[] letter)
    {
        var files = Files(zip);
        var manifest = JsonNode.Parse(files["manifest.json"])!["files"]!.AsArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(files.Keys, Is.EquivalentTo(new[]
            {
                "letter.pdf", "web-shop/orders.json", "web-shop/orders.csv", "newsletter/events.json", "newsletter/events.csv",
                "manifest.json",
            }));
            Assert.That(files["letter.pdf"], Is.EqualTo(letter), "the copy holds the letter the subject downloaded");
            Assert.That(manifest.Select(f => (string)f!["path"]!), Is.EquivalentTo(files.Keys.Where(k => k != "manifest.json")));
            foreach (var f in manifest)
            {
                var path = (string)f!["path"]!;
                Assert.That((string)f["sha256"]!, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(files[path]))), path);
                Assert.That((int)f["bytes"]!, Is.EqualTo(files[path].Length), path);
            }
            var total = 0;
            foreach (var (document, folder) in sent.Zip(new[] { "web-shop", "newsletter" }))
                foreach (var category in document.Categories)
                {
                    var stem = $"{folder}/{category.Category}";
                    var json = JsonNode.Parse(files[$"{stem}.json"])!.AsArray();
                    var csv = Csv(Encoding.UTF8.GetString(files[$"{stem}.csv"]).TrimStart('\uFEFF'));
                    var header = csv[0];
                    Assert.That(json, Has.Count.EqualTo(category.Records.Count), stem);
                    Assert.That(csv, Has.Count.EqualTo(category.Records.Count + 1), $"{stem}: a header and a line per record");
                    Assert.That(header, Is.EquivalentTo(category.Records.SelectMany(r => r.Keys).Distinct()), stem);
                    for (var i = 0; i < Math.Min(category.Records.Count, Math.Min(json.Count, csv.Count - 1)); i++)
                    {
                        var record = category.Records[i];
                        Assert.That(json[i]!.AsObject().ToDictionary(p => p.Key, p => (string?)p.Value),
                            Is.EquivalentTo(record), $"{stem} record {i + 1} as JSON");
                        Assert.That(csv[i + 1], Is.EqualTo(header.Select(c => Cell(record.GetValueOrDefault(c)))),
                            $"{stem} record {i + 1} as CSV");
                    }
                    total += json.Count;
                }
            Assert.That(total, Is.EqualTo(120));
        }
    }

    // What a CSV cell holds for a value: empty for null or absent, and a leading apostrophe where a spreadsheet would
    // run it as a formula (the JSON keeps it exactly).
    private static string Cell(string? value) =>
        value is { Length: > 0 } v && v[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + v : value ?? "";

    // RFC 4180: fields separated by commas, records by CRLF, quoted fields may hold both, quotes doubled.
    private static List<List<string>> Csv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    field.Append(text[++i]);
                else if (c == '"')
                    quoted = false;
                else
                    field.Append(c);
            }
            else if (c == '"')
                quoted = true;
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
                field.Append(c);
        }
        return rows;
    }

    internal static Dictionary<string, byte[]> Files(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            return m.ToArray();
        });
    }

    // pdftotext breaks lines where the page does and drops the hyphen a line ends with ("DSR-" then "7K2M-…" reads
    // "DSR7K2M-…"): the letter is compared without whitespace and hyphens, on both sides.
    internal static string Loose(string text) => Spaces().Replace(text, "");

    [GeneratedRegex(@"[\s\-]+")]
    private static partial Regex Spaces();
}
