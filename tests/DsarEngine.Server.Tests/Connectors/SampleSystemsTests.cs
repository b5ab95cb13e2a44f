using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DsarEngine.Connectors;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Samples.Common;
using DsarEngine.Samples.CrmConnector;
using DsarEngine.Samples.ErasureListener;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Tests.Shared;

namespace DsarEngine.Server.Tests.Connectors;

// The issue's "done when", on the real broker: an erasure reaches every sample system and the listener, billing
// keeps its invoices with the legal basis, the subject sees each system's outcome; an access request gathers an
// export from every system.
public sealed class SampleSystemsTests
{
    private static EngineFactory Engine => SharedEngine.Engine;
    private SampleSystems systems = null!;
    private NewsletterService newsletter = null!;
    // The services serve these organisations only (connector services are configured with whom they work for): one per test.
    private readonly Queue<string> organisations = new(Enumerable.Range(0, 3).Select(_ => $"sys-{Guid.NewGuid():N}"[..16]));

    [OneTimeSetUp]
    public async Task StartSystems()
    {
        systems = await SampleSystems.StartAsync([.. organisations]);
        newsletter = await NewsletterService.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopSystems()
    {
        await systems.DisposeAsync();
        await newsletter.DisposeAsync();
    }

    // The three bus systems and the newsletter SaaS over HTTP, as the demo registers them.
    private async Task RegisterAllAsync(TestTenant tenant)
    {
        var admin = tenant.Staff(Engine, "admin");
        await systems.RegisterAsync(admin);
        newsletter.Provision(Engine, tenant);
        await RequestDriver.RegisterAsync(admin, "newsletter", newsletter.Registration("export", "erase", "stop-processing"));
    }

    [Test]
    public async Task An_erasure_reaches_every_system_and_the_listener_and_the_subject_sees_each_outcome()
    {
        var tenant = await TestTenant.CreateAsync(Engine, slug: organisations.Dequeue());
        await RegisterAllAsync(tenant);
        var subject = SamplePeople.Demo[0];
        var cache = new ProfileCache(profiles: 3);
        cache.Add(new CachedProfile(subject.Email, subject.Name, "loyal"));
        var forgot = new TaskCompletionSource<ErasureRequested>(TaskCreationOptions.RunContinuationsAsynchronously);
        var queue = $"test-listener-{Guid.NewGuid():N}";
        await using var listener = new ErasureListener(cache, _ => { });
        listener.Forgot += e => forgot.TrySetResult(e);
        await listener.StartAsync(new Uri(TestDatabase.AmqpUrl), queue, tenant.Slug, CancellationToken.None);

        var staff = tenant.Staff(Engine, "privacy-officer");
        var (reference, token) = await RequestDriver.SubmitWithTokenAsync(Engine, tenant, "erasure", subject.Email);
        await RequestDriver.ToFanOutAsync(staff, reference);
        var review = await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:review"),
            "every system's answer");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions", new { step = "review", outcome = "approve" });
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.Closed, "the close");
        var status = await Engine.CreateClient().GetFromJsonAsync<JsonObject>($"/api/v1/requests/{reference}?token={token}");
        var billing = RequestDriver.Task(review, systems.Billing);
        var results = status!["results"]!.AsArray().ToDictionary(r => (string)r!["system"]!, r => r!);
        await forgot.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)RequestDriver.Task(review, systems.Crm)["status"]!, Is.EqualTo("done"));
            Assert.That((string)RequestDriver.Task(review, systems.Support)["status"]!, Is.EqualTo("done"));
            Assert.That((string)billing["status"]!, Is.EqualTo("partial"));
            Assert.That((string)billing["retained"]![0]!["category"]!, Is.EqualTo("invoices"));
            Assert.That((string)billing["retained"]![0]!["legalBasis"]!, Does.Contain("L123-22"));
            Assert.That((string)RequestDriver.Task(review, "newsletter")["status"]!, Is.EqualTo("partial"));
            Assert.That((string)RequestDriver.Task(review, "newsletter")["retained"]![0]!["category"]!, Is.EqualTo("suppression-list"));
            Assert.That(results.Keys, Is.EquivalentTo(new[] { "Sales CRM", "Billing", "Support desk", "Newsletter" }));
            Assert.That((string)results["Billing"]["retained"]![0]!["retainUntil"]!, Does.Match(@"^20\d\d-\d\d-\d\d$"));
            Assert.That(cache.Contains(subject.Email), Is.False);
        }
    }

    [Test]
    public async Task An_access_request_gathers_an_export_from_every_system()
    {
        var tenant = await TestTenant.CreateAsync(Engine, slug: organisations.Dequeue());
        await RegisterAllAsync(tenant);
        var subject = SamplePeople.Demo[1];
        // Another engine's reply queue would be bound like this one to the reply types' exchanges: it must get no copy.
        await using var observer = await ReplyObserver.StartAsync();
        var staff = tenant.Staff(Engine, "privacy-officer");
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "access", subject.Email);
        await RequestDriver.ToFanOutAsync(staff, reference);
        var after = await TestData.Workflows.WaitForAsync(staff, reference, v => (string?)v["waitingFor"] != "connectors", "every export");
        Assert.That(await observer.CountAsync(), Is.Zero, "replies and chunks went to this engine's queue only, none was published");
        var documents = new Dictionary<string, ExportDocument>();
        foreach (var name in new[] { systems.Crm, systems.Billing, systems.Support, "newsletter" })
        {
            var task = RequestDriver.Task(after, name);
            Assert.That((string)task["status"]!, Is.EqualTo("done"), name);
            documents[name] = JsonSerializer.Deserialize<ExportDocument>(
                await staff.GetStringAsync($"/api/v1/staff/requests/{reference}/tasks/{(string)task["taskId"]!}/export"),
                ExportUpload.Json)!;
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(documents[systems.Crm].Categories.Single(c => c.Category == "contact-details").Records.Single()["email"],
                Is.EqualTo(subject.Email));
            Assert.That(documents[systems.Billing].Categories.Single(c => c.Category == "invoices").Records, Is.Not.Empty);
            Assert.That(documents[systems.Support].Categories.Single(c => c.Category == "support-tickets").Records, Has.Count.EqualTo(2));
            Assert.That(documents["newsletter"].Categories.Single(c => c.Category == "subscriber").Records.Single()["email"],
                Is.EqualTo(subject.Email));
        }
    }

    // GDPR Art. 15(3): the CRM's photo of the contact and its recorded call reach the subject byte for byte, in the copy
    // they download with the letter's code (the SHA-256 of each file in the ZIP is the CRM's own file's).
    [Test]
    public async Task An_access_subject_downloads_the_CRMs_photo_and_call_recording_byte_for_byte()
    {
        var tenant = await TestTenant.CreateAsync(Engine, slug: organisations.Dequeue());
        await systems.RegisterAsync(tenant.Staff(Engine, "admin"));
        var person = SamplePeople.Demo[2];
        // The subject's own address for the mail, the CRM's customer id to be found there.
        var email = Submissions.UniqueEmail("crm-files");
        var body = Submissions.Valid(tenant.Slug, "access");
        body["subject"]!["email"] = email;
        body["subject"]!["identities"] = new JsonArray(new JsonObject { ["type"] = "customer-id", ["value"] = person.CustomerId });
        var submitted = await Engine.CreateClient().SendAsync(Submissions.Post(body));
        Assert.That(submitted.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Accepted), await submitted.Content.ReadAsStringAsync());
        var reference = (string)(await submitted.ReadObjectAsync())["reference"]!;
        var staff = tenant.Staff(Engine, "privacy-officer");
        await RequestDriver.ToFanOutAsync(staff, reference);
        await RequestDriver.ApproveUntilClosedAsync(staff, reference);
        var parts = await SubjectDownload.DownloadPartsAsync(Engine, reference, email, "letter", "copy");
        var files = Packs.AccessCopyTests.Files(parts[1]);
        var letter = Packs.AccessCopyTests.Loose((await Packs.Poppler.ReadAsync(parts[0])).Text);
        static string Sha(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Sha(files["files/sales-crm/contact-photo.png"]),
                Is.EqualTo(Sha(CrmMedia.Photo(person.CustomerId))));
            Assert.That(Sha(files["files/sales-crm/call-recording-1.wav"]),
                Is.EqualTo(Sha(CrmMedia.CallRecording(person.CustomerId))));
            Assert.That(letter, Does.Contain(Packs.AccessCopyTests.Loose("files/sales-crm/contact-photo.png"))
                .And.Contain(Packs.AccessCopyTests.Loose("files/sales-crm/call-recording-1.wav")).And.Contain("audio/wav"));
        }
    }
}
