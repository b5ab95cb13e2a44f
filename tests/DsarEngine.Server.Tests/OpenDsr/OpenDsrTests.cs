using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DsarEngine.Server.OpenDsr;
using DsarEngine.Server.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.OpenDsr;

// OpenDSR both ways on one engine talking to itself: tenant "processor" accepts OpenDSR from controller "c1";
// another tenant drives it as an OpenDSR connector and hears back through signed callbacks.
public sealed class OpenDsrTests
{
    private const string Token = "opendsr-test-bearer-token-of-the-controller-c1";
    private static readonly string ProcessorSlug = $"proc-{Guid.NewGuid():N}"[..14];
    private static EngineFactory engine = null!;
    private static readonly Loopback Loopback = new();
    private static TestTenant processor = null!;

    [OneTimeSetUp]
    public async Task StartEngine()
    {
        engine = await EngineFactory.StartAsync(new Dictionary<string, string?>
        {
            ["Dsar:OpenDsr:Domain"] = "localhost", ["Dsar:OpenDsr:SelfSigned"] = "true", ["Dsar:OpenDsr:CallbackIntervalMilliseconds"] = "100",
            ["Dsar:OpenDsr:Controllers:c1:Tenant"] = ProcessorSlug,
            ["Dsar:OpenDsr:Controllers:c1:TokenSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Token))),
            ["Dsar:Connectors:Secrets:opendsr-c1"] = Token,
        }, testServices: services => services.AddHttpClient(OpenDsrCallbackWorker.ClientName).ConfigurePrimaryHttpMessageHandler(() => Loopback));
        Loopback.Connect(engine.Server.CreateHandler());
        processor = await TestTenant.CreateAsync(engine, slug: ProcessorSlug, name: "Processor GmbH");
    }

    [OneTimeTearDown]
    public async Task StopEngine() => await engine.DisposeAsync();

    private static HttpClient Controller()
    {
        var client = engine.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    private static JsonObject Request(Guid id, string type = "erasure") => new()
    {
        ["subject_request_id"] = id.ToString("D"), ["subject_request_type"] = type, ["submitted_time"] = "2026-11-20T10:00:00Z",
        ["subject_identities"] = new JsonArray(new JsonObject { ["identity_type"] = "email", ["identity_value"] = "zoe@example.org", ["identity_format"] = "raw" }),
        ["api_version"] = "2.0", ["status_callback_urls"] = new JsonArray(),
    };

    private static async Task<string> CertificateAsync() => await engine.CreateClient().GetStringAsync("/opendsr/v1/certificate.pem");

    [Test]
    public async Task Discovery_names_the_supported_types_identities_and_certificate()
    {
        var response = await engine.CreateClient().GetAsync("/opendsr/v1/discovery");
        var body = await response.Content.ReadAsByteArrayAsync();
        var discovery = JsonNode.Parse(body)!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(discovery["supported_subject_request_types"]!.AsArray().Select(t => (string)t!), Is.EquivalentTo(new[] { "access", "portability", "erasure" }));
            Assert.That(discovery["supported_identities"]!.AsArray().Select(i => (string)i!["identity_type"]!), Does.Contain("email"));
            Assert.That((string)discovery["processor_certificate"]!, Does.EndWith("/opendsr/v1/certificate.pem"));
            Assert.That(OpenDsrSigner.Verify(await CertificateAsync(), body, response.Headers.GetValues(OpenDsrSigner.SignatureHeader).Single()), Is.True);
        }
    }

    [Test]
    public async Task A_request_enters_a_workflow_once_its_status_is_signed_and_a_pending_one_can_be_cancelled()
    {
        var id = Guid.NewGuid();
        var created = await Controller().PostAsJsonAsync("/opendsr/v1/requests", Request(id));
        var again = await Controller().PostAsJsonAsync("/opendsr/v1/requests", Request(id));
        var createdBody = JsonNode.Parse(await created.Content.ReadAsByteArrayAsync())!;
        var status = await Controller().GetAsync($"/opendsr/v1/requests/{id:D}");
        var statusBytes = await status.Content.ReadAsByteArrayAsync();
        var cancelled = await Controller().DeleteAsync($"/opendsr/v1/requests/{id:D}");
        var after = JsonNode.Parse(await Controller().GetStringAsync($"/opendsr/v1/requests/{id:D}"))!;
        var requests = await Rows.ScalarAsync<long>(engine, "SELECT count(*) FROM requests r JOIN tenants t ON t.id = r.tenant_id WHERE t.slug = @ProcessorSlug AND r.channel = 'controller'", new { ProcessorSlug });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That((string)createdBody["controller_id"]!, Is.EqualTo("c1"));
            Assert.That(Encoding.UTF8.GetString(Convert.FromBase64String((string)createdBody["encoded_request"]!)), Does.Contain(id.ToString("D")));
            Assert.That(requests, Is.EqualTo(1));
            Assert.That((string)JsonNode.Parse(statusBytes)!["request_status"]!, Is.EqualTo("pending").Or.EqualTo("in_progress"));
            Assert.That(OpenDsrSigner.Verify(await CertificateAsync(), statusBytes, status.Headers.GetValues(OpenDsrSigner.SignatureHeader).Single()), Is.True);
            Assert.That(OpenDsrSigner.Verify(await CertificateAsync(), [.. statusBytes.Reverse()], status.Headers.GetValues(OpenDsrSigner.SignatureHeader).Single()), Is.False);
            Assert.That(cancelled.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That((string)after["request_status"]!, Is.EqualTo("cancelled"));
        }
    }

    [Test]
    public async Task A_request_the_processor_has_started_on_cannot_be_cancelled_and_reports_in_progress()
    {
        var id = Guid.NewGuid();
        await Controller().PostAsJsonAsync("/opendsr/v1/requests", Request(id));
        var reference = await Rows.ScalarAsync<string>(engine, "SELECT r.reference FROM opendsr_requests o JOIN requests r ON r.id = o.request_id WHERE o.subject_request_id = @id", new { id });
        var staff = processor.Staff(engine, "privacy-officer");
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:assess"), "the assessment");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions", new { step = "assess", outcome = "proceed" });
        var refused = await Controller().DeleteAsync($"/opendsr/v1/requests/{id:D}");
        var status = JsonNode.Parse(await Controller().GetStringAsync($"/opendsr/v1/requests/{id:D}"))!;
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string)status["request_status"]!, Is.EqualTo("in_progress").Or.EqualTo("completed"));
    }

    [Test]
    public async Task Bad_input_and_unknown_controllers_are_refused_and_nothing_is_stored()
    {
        var before = await Rows.ScalarAsync<long>(engine, "SELECT count(*) FROM opendsr_requests", new { });
        var bad = Request(Guid.NewGuid(), "delete-everything");
        bad["subject_identities"] = new JsonArray(new JsonObject { ["identity_type"] = "email", ["identity_value"] = "x", ["identity_format"] = "sha256" });
        var invalid = await Controller().PostAsJsonAsync("/opendsr/v1/requests", bad);
        var stranger = engine.CreateClient();
        stranger.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-known-controller-token-000000000000");
        var unauthorised = await stranger.PostAsJsonAsync("/opendsr/v1/requests", Request(Guid.NewGuid()));
        var problem = JsonNode.Parse(await invalid.Content.ReadAsStringAsync())!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(invalid.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "subject_request_type", "subject_identities[0].identity_format" }));
            Assert.That((int)problem["error"]!["code"]!, Is.EqualTo(400));
            Assert.That(unauthorised.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await Rows.ScalarAsync<long>(engine, "SELECT count(*) FROM opendsr_requests", new { }), Is.EqualTo(before));
        }
    }

    [Test]
    public async Task As_a_controller_the_engine_drives_an_opendsr_processor_and_a_signed_callback_completes_the_task()
    {
        var controller = await TestTenant.CreateAsync(engine, name: "Controller SAS");
        await RequestDriver.RegisterAsync(controller.Staff(engine, "admin"), "vendor", new
        {
            kind = "opendsr", actions = new[] { "export", "erase" }, http = new { endpoint = "http://localhost/opendsr/v1/", secretRef = "opendsr-c1", resultMode = "callback" },
        });
        var staff = controller.Staff(engine, "privacy-officer");
        var reference = await RequestDriver.SubmitAsync(engine, controller, "erasure", "zoe.vendor@example.org");
        await RequestDriver.ToFanOutAsync(staff, reference);
        await TestData.Workflows.WaitForAsync(staff, reference, v => (string)RequestDriver.Task(v, "vendor")["status"]! == "acknowledged", "the processor's receipt");

        // The processor's people do their part: assess, review, and the workflow closes there.
        var processorStaff = processor.Staff(engine, "privacy-officer");
        var routed = (await processorStaff.GetFromJsonAsync<JsonArray>("/api/v1/staff/requests?limit=50"))!
            .Select(r => (string)r!["reference"]!).ToList();
        foreach (var inbound in routed)
        {
            var view = await TestData.Workflows.WaitForAsync(processorStaff, inbound, v => ((string?)v["waitingFor"])?.StartsWith("decision:", StringComparison.Ordinal) == true || TestData.Workflows.Closed(v), "the processor's decision");
            while (!TestData.Workflows.Closed(view))
            {
                var step = ((string)view["waitingFor"]!)["decision:".Length..];
                await processorStaff.PostAsJsonAsync($"/api/v1/staff/requests/{inbound}/decisions", new { step, outcome = step == "review" ? "approve" : "proceed" });
                var version = (int)view["version"]!;
                view = await TestData.Workflows.WaitForAsync(processorStaff, inbound, v => (int)v["version"]! > version && (((string?)v["waitingFor"])?.StartsWith("decision:", StringComparison.Ordinal) == true || TestData.Workflows.Closed(v)), "the next step");
            }
        }
        var done = await TestData.Workflows.WaitForAsync(staff, reference, v => (string)RequestDriver.Task(v, "vendor")["status"]! == "done", "the processor's callback");
        Assert.That((string)RequestDriver.Task(done, "vendor")["detail"]!, Does.Contain("completed the request"));
    }

    [Test]
    public async Task A_forged_callback_is_refused_with_403_and_changes_nothing()
    {
        var controller = await TestTenant.CreateAsync(engine);
        await RequestDriver.RegisterAsync(controller.Staff(engine, "admin"), "vendor", new
        {
            kind = "opendsr", actions = new[] { "erase" }, http = new { endpoint = "http://localhost/opendsr/v1/", secretRef = "opendsr-c1" },
        });
        using var rsa = RSA.Create(2048);
        var body = Encoding.UTF8.GetBytes("""{"controller_id":"c1","subject_request_id":"00000000-0000-4000-8000-000000000000","request_status":"completed","status_callback_url":"x"}""");
        using var message = new HttpRequestMessage(HttpMethod.Post, $"/opendsr/v1/callbacks/{controller.Slug}/vendor") { Content = new ByteArrayContent(body) };
        message.Headers.Add(OpenDsrSigner.SignatureHeader, Convert.ToBase64String(rsa.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)));
        var response = await engine.CreateClient().SendAsync(message);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }
}
