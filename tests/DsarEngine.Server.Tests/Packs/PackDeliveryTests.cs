using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Packs;

// The subject's side of the answer: the e-mailed expiring link, a one-time code to the same address, the PDF, the journal.
public sealed class PackDeliveryTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task The_subject_opens_the_answer_with_the_link_and_a_fresh_code_and_the_download_is_journaled()
    {
        await using var connector = await ExportingConnector.StartAsync($"exp-{Guid.NewGuid():N}"[..14]);
        var tenant = await TestTenant.CreateAsync(Engine);
        await connector.ServeAsync(tenant.Slug);
        await RequestDriver.RegisterAsync(tenant.Staff(Engine, "admin"), connector.Name,
            new { displayName = "Orders", actions = new[] { "export" } });
        var staff = tenant.Staff(Engine, "privacy-officer");
        var email = Submissions.UniqueEmail("zoe");
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "access", email);
        await RequestDriver.ToFanOutAsync(staff, reference);
        await RequestDriver.ApproveUntilClosedAsync(staff, reference);
        var ready = await MailAsync(email, "response-ready");
        var link = new Uri(LinkPattern().Match(ready).Value);
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        var (expires, token) = (query["expires"]!, query["token"]!);
        var client = Engine.CreateClient();

        var sent = await client.PostAsync($"/api/v1/requests/{reference}/pack/code?expires={expires}&token={token}", null);
        var codeId = (string)(await sent.ReadObjectAsync())["codeId"]!;
        var codeMail = await MailAsync(email, "pack-code");
        var code = CodePattern().Match(codeMail).Value;
        Assert.That(code, Has.Length.EqualTo(6), codeMail);
        // A staff key with the subject's code is not the subject: refused, and the code stays unspent (review H1).
        var byStaff = await staff.GetAsync(
            $"/api/v1/requests/{reference}/pack?expires={expires}&token={token}&codeId={codeId}&code={code}");
        var wrong = await client.GetAsync($"/api/v1/requests/{reference}/pack?expires={expires}&token={token}&codeId={codeId}"
            + $"&code={(code == "000000" ? "111111" : "000000")}");
        var pdf = await client.GetAsync($"/api/v1/requests/{reference}/pack?expires={expires}&token={token}&codeId={codeId}&code={code}");
        var again = await client.GetAsync($"/api/v1/requests/{reference}/pack?expires={expires}&token={token}&codeId={codeId}&code={code}");
        var stretched = await client.PostAsync($"/api/v1/requests/{reference}/pack/code"
            + $"?expires={long.Parse(expires, System.Globalization.CultureInfo.InvariantCulture) + 86400}&token={token}", null);
        var journal = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/journal");
        var mailbox = await tenant.Staff(Engine, "admin").GetStringAsync($"/api/v1/staff/mailbox?to={Uri.EscapeDataString(email)}");
        var bodies = JsonNode.Parse(mailbox)!.AsArray().Select(m => (string)m!["body"]!).ToList();
        Assert.That(pdf.StatusCode, Is.EqualTo(HttpStatusCode.OK),
            $"code {code} of {codeId}: {await pdf.Content.ReadAsStringAsync()} / wrong: {wrong.StatusCode}");
        var (text, _, _) = await Poppler.ReadAsync(await pdf.Content.ReadAsByteArrayAsync());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(byStaff.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(mailbox, Does.Contain("pack-code").And.Not.Contain(token).And.Not.Contain($"expires={expires}"),
                "admins see that a code was sent, never the link");
            Assert.That(bodies, Has.None.Match($@"(?<!\d){code}(?!\d)"), "nor the code");
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(pdf.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(text, Does.Contain(reference).And.Contain("Orders").And.Contain("Кириллица"));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a code opens the answer once");
            Assert.That(stretched.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the expiry cannot be edited in the URL");
            Assert.That(journal!["entries"]!.AsArray().Count(e => (string)e!["kind"]! == "pack-downloaded"), Is.EqualTo(1));
            Assert.That((bool)journal["verified"]!, Is.True);
        }
    }

    [Test]
    public async Task A_portability_subject_downloads_the_archive_whose_manifest_matches_every_file_and_record()
    {
        await using var connector = await ExportingConnector.StartAsync($"port-{Guid.NewGuid():N}"[..14]);
        connector.Document = task => ExportingConnector.Sample(task.Connector, 2500);
        var tenant = await TestTenant.CreateAsync(Engine);
        await connector.ServeAsync(tenant.Slug);
        await RequestDriver.RegisterAsync(tenant.Staff(Engine, "admin"), connector.Name,
            new { displayName = "Orders", actions = new[] { "export" } });
        var staff = tenant.Staff(Engine, "privacy-officer");
        var email = Submissions.UniqueEmail("port");
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "portability", email);
        await RequestDriver.ToFanOutAsync(staff, reference);
        await RequestDriver.ApproveUntilClosedAsync(staff, reference);
        var (zip, type) = await SubjectDownload.DownloadAsync(Engine, reference, email);
        Assert.That(type, Is.EqualTo("application/zip"));
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        var files = archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            return m.ToArray();
        });
        var manifest = JsonNode.Parse(files["manifest.json"])!["files"]!.AsArray();
        var records = JsonNode.Parse(files["test-system/orders.json"])!.AsArray();
        var csvLines = System.Text.Encoding.UTF8.GetString(files["test-system/orders.csv"])
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var (letter, _, _) = await Poppler.ReadAsync(files["letter.pdf"]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(manifest.Select(f => (string)f!["path"]!), Is.EquivalentTo(files.Keys.Where(k => k != "manifest.json")));
            foreach (var f in manifest)
                Assert.That((string)f!["sha256"]!,
                    Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(files[(string)f["path"]!]))),
                    (string)f["path"]!);
            Assert.That(records, Has.Count.EqualTo(2500), "every record, not the letter's first rows");
            Assert.That((string)records[^1]!["order"]!, Is.EqualTo("O-002500"));
            Assert.That(csvLines, Has.Length.EqualTo(2501), "a header and one line per record");
            Assert.That(letter, Does.Contain(reference).And.Contain("SHA-256"));
        }
    }

    private static Task<string> MailAsync(string to, string template) => SubjectDownload.MailAsync(to, template);

    private static Regex LinkPattern() => SubjectDownload.LinkPattern();

    private static Regex CodePattern() => SubjectDownload.CodePattern();
}
