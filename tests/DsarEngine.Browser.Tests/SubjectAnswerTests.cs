using System.IO.Compression;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;
using Microsoft.Playwright;

namespace DsarEngine.Browser.Tests;

// Issue 14: the answer is complete. An access request answered by a system holding more records than the letter shows
// (its tables stop at 50), collected on the portal with a one-time code: the full copy holds every one. Its own
// organisation and connector, so its systems touch no other test's requests; sent through the public API (the form's
// own tests send through the shop).
public sealed class SubjectAnswerTests : SubjectTest
{
    private const int Records = 120;
    private static TestTenant tenant = null!;
    private static ExportingConnector crm = null!;

    [OneTimeSetUp]
    public async Task CreateOrganisation()
    {
        tenant = await TestTenant.CreateAsync(BrowserEngine.Engine);
        crm = await ExportingConnector.StartAsync($"crm-{Guid.NewGuid():N}"[..12]);
        crm.Document = task => ExportingConnector.Sample(task.Connector, Records);
        await crm.ServeAsync(tenant.Slug);
        await DsarEngine.Server.Tests.TestData.Workflows.RegisterConnectorAsync(
            BrowserEngine.Engine, tenant.Id, crm.Name, "locate", "export", "erase");
    }

    [OneTimeTearDown]
    public async Task StopSystems() => await crm.DisposeAsync();

    [Test]
    public async Task A_subject_collects_the_answer_on_the_portal_and_the_full_copy_holds_every_record()
    {
        var text = Text("en");
        var body = Submissions.Valid(tenant.Slug);
        body["language"] = "en";
        var email = (string)body["subject"]!["email"]!;
        var reference = (string)(await (await BrowserEngine.Engine.CreateClient().SendAsync(Submissions.Post(body))).ReadObjectAsync())
            ["reference"]!;

        // The privacy team's part, through its API: identity checked, proceed, the letter approved once the CRM answered.
        await ConfirmIdentityByStaffAsync(tenant, reference);
        var staff = tenant.Staff(BrowserEngine.Engine, StaffRoles.PrivacyOfficer);
        await DecideAsync(staff, reference, "assess", "proceed");
        await DecideAsync(staff, reference, "review", "approve");
        await MailCatcher.WaitForAsync(email, "response-ready", TimeSpan.FromSeconds(60));

        await OpenPortalAsync(email, reference, "en");
        var toAnswer = Page.GetByRole(AriaRole.Link, new() { Name = text["Portal.GoToAnswer"] });
        await Assertions.Expect(toAnswer).ToBeVisibleAsync();
        await CheckScreenAsync("portal-answered");
        await toAnswer.ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = text["Portal.SendCode"] }).ClickAsync();
        // "We sent a code to {0}." with the address masked: the sentence up to it.
        var sent = text["Portal.CodeSent"];
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync(sent[..sent.IndexOf("{0}", StringComparison.Ordinal)]);
        await CheckScreenAsync("portal-answer-code");
        var code = CodePattern().Match((await MailCatcher.WaitForAsync(email, "pack-code")).Body).Value;
        await Page.GetByRole(AriaRole.Textbox, new() { NameRegex = Starting(text["Portal.CodeLabel"]) }).FillAsync(code);
        await Page.GetByRole(AriaRole.Button, new() { Name = text["Portal.OpenAnswer"] }).ClickAsync();
        var copyLink = Page.GetByRole(AriaRole.Link, new() { Name = text["Portal.DownloadCopy"] });
        await Assertions.Expect(copyLink).ToBeVisibleAsync();
        await CheckScreenAsync("portal-answer-open");

        var letter = await DownloadAsync(Page.GetByRole(AriaRole.Link, new() { Name = text["Portal.DownloadLetter"] }));
        var copy = await DownloadAsync(copyLink);
        using var zip = new ZipArchive(new MemoryStream(copy));
        var files = zip.Entries.ToDictionary(e => e.FullName, Read);
        var manifest = JsonNode.Parse(files["manifest.json"])!["files"]!.AsArray();
        var json = files.Single(f => f.Key.EndsWith("/orders.json", StringComparison.Ordinal));
        var csv = Encoding.UTF8.GetString(files.Single(f => f.Key.EndsWith("/orders.csv", StringComparison.Ordinal)).Value);
        var orders = JsonNode.Parse(json.Value)!.AsArray().Select(r => (string)r!["order"]!).ToList();
        var expected = Enumerable.Range(1, Records).Select(i => $"O-{i:D6}").ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Encoding.ASCII.GetString(letter[..5]), Is.EqualTo("%PDF-"));
            Assert.That(files.Keys, Does.Contain("letter.pdf"));
            Assert.That(orders, Is.EqualTo(expected), "every record in the JSON");
            Assert.That(expected.Where(o => !csv.Contains(o, StringComparison.Ordinal)), Is.Empty, "every record in the CSV");
            Assert.That(csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(Records + 1));
            Assert.That(manifest.Select(f => (string)f!["path"]!), Is.EquivalentTo(files.Keys.Where(k => k != "manifest.json")));
            foreach (var file in manifest)
                Assert.That((string)file!["sha256"]!, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(files[(string)file["path"]!]))),
                    (string)file["path"]!);
        }
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    private async Task<byte[]> DownloadAsync(ILocator link)
    {
        var download = await Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = await download.PathAsync();
        return await File.ReadAllBytesAsync(path);
    }

    // A decision once the workflow waits for it (the engine works in the background: the CRM's export, the letter's render).
    private static async Task DecideAsync(HttpClient staff, string reference, string step, string outcome)
    {
        await DsarEngine.Server.Tests.TestData.Workflows.WaitForAsync(staff, reference,
            DsarEngine.Server.Tests.TestData.Workflows.WaitingFor($"decision:{step}"), $"the {step} step");
        var decided = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions", new { step, outcome });
        Assert.That(decided.IsSuccessStatusCode, Is.True, await decided.Content.ReadAsStringAsync());
    }
}
