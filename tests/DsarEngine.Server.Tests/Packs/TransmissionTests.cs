using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Packs;

// GDPR Art. 20(2) end to end: the subject names a controller; once the answer is approved that controller gets its own
// link, opened only with a one-time code sent to its address (single use, journaled), and only the archive; or staff
// record that the transmission is not technically feasible and the letter says why.
public sealed partial class TransmissionTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private sealed record Setup(TestTenant Tenant, HttpClient Staff, string Reference, string Subject, string Receiver);

    private static async Task<Setup> SubmitAsync(ExportingConnector connector)
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        await connector.ServeAsync(tenant.Slug);
        await RequestDriver.RegisterAsync(tenant.Staff(Engine, "admin"), connector.Name,
            new { displayName = "Shop", actions = new[] { "export" } });
        var (subject, receiver) = (Submissions.UniqueEmail("porter"), Submissions.UniqueEmail("nextbank"));
        var body = Submissions.Valid(tenant.Slug, "portability");
        body["subject"]!["email"] = subject;
        body["language"] = "en";
        body["transmitTo"] = new JsonObject { ["controller"] = "Next Bank SA", ["email"] = receiver };
        var response = await Engine.CreateClient().SendAsync(Submissions.Post(body));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var reference = (string)(await response.ReadObjectAsync())["reference"]!;
        return new Setup(tenant, tenant.Staff(Engine, "privacy-officer"), reference, subject, receiver);
    }

    [Test]
    public async Task The_receiving_controller_downloads_the_archive_once_with_a_code_sent_to_its_own_address()
    {
        await using var connector = await ExportingConnector.StartAsync($"tx-{Guid.NewGuid():N}"[..14]);
        connector.Document = task => PortabilityAnswerTests.Scoped(task.Connector);
        var (_, staff, reference, subject, receiver) = await SubmitAsync(connector);
        await RequestDriver.ToFanOutAsync(staff, reference);
        await RequestDriver.ApproveUntilClosedAsync(staff, reference);

        var ready = (await MailCatcher.WaitForAsync(receiver, "transmission-ready")).Body;
        var link = new Uri(TransmissionLink().Match(ready).Value);
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        var door = $"/api/v1/requests/{reference}/transmission?expires={query["expires"]}&token={query["token"]}";
        var client = Engine.CreateClient();
        var sent = await client.PostAsync(door.Replace("/transmission?", "/transmission/code?", StringComparison.Ordinal), null);
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await sent.Content.ReadAsStringAsync());
        var codeId = (string)(await sent.ReadObjectAsync())["codeId"]!;
        var code = SubjectDownload.CodePattern().Match((await MailCatcher.WaitForAsync(receiver, "transmission-code")).Body).Value;
        var byStaff = await staff.GetAsync($"{door}&codeId={codeId}&code={code}");
        var zip = await client.GetAsync($"{door}&codeId={codeId}&code={code}");
        var again = await client.GetAsync($"{door}&codeId={codeId}&code={code}");
        // The subject's own link does not open the receiving controller's door, nor its code the subject's.
        var subjectLink = new Uri(SubjectDownload.LinkPattern().Match(await SubjectDownload.MailAsync(subject, "response-ready")).Value);
        var subjectQuery = System.Web.HttpUtility.ParseQueryString(subjectLink.Query);
        var crossed = await client.PostAsync(
            $"/api/v1/requests/{reference}/transmission/code?expires={subjectQuery["expires"]}&token={subjectQuery["token"]}", null);
        var codeOnSubjectDoor = await client.GetAsync($"/api/v1/requests/{reference}/pack?expires={subjectQuery["expires"]}"
            + $"&token={subjectQuery["token"]}&codeId={codeId}&code={code}&part=archive");
        var journal = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/journal");
        var downloads = journal!["entries"]!.AsArray().Where(e => (string)e!["kind"]! == "pack-downloaded").ToList();
        Assert.That(zip.StatusCode, Is.EqualTo(HttpStatusCode.OK), await zip.Content.ReadAsStringAsync());
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(await zip.Content.ReadAsByteArrayAsync()));
        await using var pdf = archive.GetEntry("letter.pdf")!.Open();
        using var bytes = new MemoryStream();
        await pdf.CopyToAsync(bytes);
        var letter = string.Join(' ', (await Poppler.ReadAsync(bytes.ToArray())).Text.Split((char[])[' ', '\n', '\r'],
            StringSplitOptions.RemoveEmptyEntries));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ready, Does.Contain(reference).And.Not.Contain(subject), "no subject's address in the controller's mail");
            Assert.That(byStaff.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(zip.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/zip"));
            Assert.That(archive.Entries.Select(e => e.FullName), Does.Contain("test-system/profile.json")
                .And.Not.Contain("test-system/invoices.json"), "the same filtered archive as the subject's");
            Assert.That(letter, Does.Contain("Next Bank SA").And.Contain(receiver).And.Contain("Article 20(2)"));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a code opens the archive once");
            Assert.That(crossed.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(codeOnSubjectDoor.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(downloads.Select(e => (string)e!["actor"]!), Is.EqualTo(new[] { "receiving-controller" }));
            Assert.That((string)downloads[0]!["data"]!["proof"]!, Does.Contain("receiving controller"));
            Assert.That((bool)journal["verified"]!, Is.True);
        }
    }

    [Test]
    public async Task A_transmission_staff_record_as_not_feasible_is_not_sent_and_the_letter_says_why()
    {
        await using var connector = await ExportingConnector.StartAsync($"tx-{Guid.NewGuid():N}"[..14]);
        var (tenant, staff, reference, subject, receiver) = await SubmitAsync(connector);
        var auditor = await tenant.Staff(Engine, "auditor").PostAsJsonAsync(
            $"/api/v1/staff/requests/{reference}/transmission/not-feasible", new { reason = "x" });
        var empty = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/transmission/not-feasible", new { reason = " " });
        var refused = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/transmission/not-feasible",
            new { reason = "Next Bank SA accepts transfers only through its own API, which we cannot reach." });
        var twice = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/transmission/not-feasible", new { reason = "y" });
        await RequestDriver.ToFanOutAsync(staff, reference);
        await RequestDriver.ApproveUntilClosedAsync(staff, reference);
        var (zip, _) = await SubjectDownload.DownloadAsync(Engine, reference, subject);
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        await using var pdf = archive.GetEntry("letter.pdf")!.Open();
        using var bytes = new MemoryStream();
        await pdf.CopyToAsync(bytes);
        var letter = string.Join(' ', (await Poppler.ReadAsync(bytes.ToArray())).Text.Split((char[])[' ', '\n', '\r'],
            StringSplitOptions.RemoveEmptyEntries));
        var journal = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/journal");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(auditor.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await refused.Content.ReadAsStringAsync());
            Assert.That(twice.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(letter, Does.Contain("not technically feasible").And.Contain("its own API, which we cannot reach"));
            Assert.That(await MailCatcher.ListAsync(receiver), Is.Empty, "nothing is sent to the receiving controller");
            Assert.That(journal!["entries"]!.AsArray().Count(e => (string)e!["kind"]! == "transmission-not-feasible"), Is.EqualTo(1));
            Assert.That(journal.ToJsonString(), Does.Not.Contain("cannot reach"), "the reason is not in the journal");
        }
    }

    [GeneratedRegex(@"http://localhost/api/v1/requests/\S+/transmission\?\S+")]
    private static partial Regex TransmissionLink();
}
