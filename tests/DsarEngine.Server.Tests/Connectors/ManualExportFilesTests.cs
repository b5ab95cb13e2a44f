using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DsarEngine.Samples.CrmConnector;
using DsarEngine.Server.Tests.Packs;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Connectors;

// GDPR Art. 15(3) for a system nobody wrote a connector for: the person who completes the task attaches the files (inline,
// base64, within the body's 8 MiB), under the same rules as a connector's; a refused file changes nothing.
public sealed class ManualExportFilesTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static readonly byte[] Scan = CrmMedia.Photo("paper-archive-scan");

    private static object Body(string name, string mediaType, string? sha256) => new
    {
        outcome = "done", note = "Scanned the signed form from the paper archive.",
        export = new
        {
            connector = "paper-archive", system = "Paper archive",
            categories = new[] { new { category = "forms", records = new[] { new Dictionary<string, string> { ["form"] = "F-1" } } } },
        },
        files = new[] { new { name, mediaType, content = Convert.ToBase64String(Scan), sha256 } },
    };

    private static async Task<(TestTenant Tenant, HttpClient Staff, string Reference, string Email, string Url)> FannedOutAsync()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        await RequestDriver.RegisterAsync(tenant.Staff(Engine, "admin"), "paper-archive",
            new { kind = "manual", actions = new[] { "export" }, displayName = "Paper archive" });
        var staff = tenant.Staff(Engine, "privacy-officer");
        var email = Submissions.UniqueEmail("paper");
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "access", email);
        var fanned = await RequestDriver.ToFanOutAsync(staff, reference);
        var taskId = (string)RequestDriver.Task(fanned, "paper-archive")["taskId"]!;
        return (tenant, staff, reference, email, $"/api/v1/staff/requests/{reference}/tasks/{taskId}/complete");
    }

    [Test]
    public async Task A_file_attached_by_hand_reaches_the_subjects_copy_byte_for_byte()
    {
        var (_, staff, reference, email, url) = await FannedOutAsync();
        var completed = await staff.PostAsJsonAsync(url, Body("signed-form.png", "image/png", Sha(Scan)));
        Assert.That(completed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await completed.Content.ReadAsStringAsync());
        await RequestDriver.ApproveUntilClosedAsync(staff, reference);
        var parts = await SubjectDownload.DownloadPartsAsync(Engine, reference, email, "copy");
        Assert.That(Sha(AccessCopyTests.Files(parts[0])["files/paper-archive/signed-form.png"]), Is.EqualTo(Sha(Scan)));
    }

    [TestCase("../signed-form.png", "image/png", true)]
    [TestCase("signed-form.exe", "application/x-msdownload", true)]
    [TestCase("signed-form.png", "image/png", false)]
    public async Task A_file_refused_by_hand_changes_nothing(string name, string mediaType, bool rightDigest)
    {
        var (tenant, staff, reference, _, url) = await FannedOutAsync();
        var refused = await staff.PostAsJsonAsync(url, Body(name, mediaType, rightDigest ? Sha(Scan) : Sha([1, 2, 3])));
        var problem = await refused.ReadObjectAsync();
        var view = (await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/workflow"))!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(refused.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That((string?)problem["errors"]!["files"]![0], Does.StartWith("File 1 of 1"));
            Assert.That((string?)RequestDriver.Task(view, "paper-archive")["status"], Is.EqualTo("sent"));
            Assert.That(await Rows.CountAsync(Engine, "connector_exports", tenant.Id), Is.Zero, "nothing stored");
        }
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
