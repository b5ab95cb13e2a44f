using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DsarEngine.Server.OpenDsr;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.OpenDsr;

// The engine as a controller: an `opendsr` connector of another tenant sends its task to the processor endpoints of
// this same engine and learns the outcome from the processor's signed callback.
public sealed partial class OpenDsrTests
{
    private static HttpRequestMessage Callback(string slug, byte[] body, RSA key)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, $"/opendsr/v1/callbacks/{slug}/vendor")
        {
            Content = new ByteArrayContent(body),
        };
        message.Headers.Add(OpenDsrSigner.SignatureHeader,
            Convert.ToBase64String(key.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)));
        return message;
    }

    [Test]
    public async Task
        As_a_controller_the_engine_drives_an_opendsr_processor_a_forged_callback_changes_nothing_and_the_signed_one_completes_the_task()
    {
        var controller = await TestTenant.CreateAsync(engine, name: "Controller SAS");
        engine.Settings.ProvisionSecret(controller.Slug, "opendsr-c1", Token, ProcessorEndpoint);
        await RequestDriver.RegisterAsync(controller.Staff(engine, "admin"), "vendor", new
        {
            kind = "opendsr", actions = new[] { "export", "erase" },
            http = new { endpoint = "http://localhost/opendsr/v1/", secretRef = "opendsr-c1", resultMode = "callback" },
        });
        var staff = controller.Staff(engine, "privacy-officer");
        var reference = await RequestDriver.SubmitAsync(engine, controller, "erasure", "zoe.vendor@example.org");
        await RequestDriver.ToFanOutAsync(staff, reference);
        await TestData.Workflows.WaitForAsync(staff, reference, v => (string)RequestDriver.Task(v, "vendor")["status"]! == "acknowledged",
            "the processor's receipt");

        // Someone without the processor's key claims the processor cancelled it: refused, and the task stays as it was.
        var sent = await Rows.ScalarAsync<Guid>(engine,
            "SELECT o.subject_request_id FROM opendsr_outbound o WHERE o.tenant_id = @Id", new { controller.Id });
        using var forger = RSA.Create(2048);
        var forgedBody = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["controller_id"] = "c1", ["expected_completion_time"] = "2026-12-20T10:00:00Z", ["subject_request_id"] = sent.ToString("D"),
            ["request_status"] = "cancelled", ["status_callback_url"] = $"http://localhost/opendsr/v1/callbacks/{controller.Slug}/vendor",
        }.ToJsonString());
        var forged = await engine.CreateClient().SendAsync(Callback(controller.Slug, forgedBody, forger));
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(forged.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));

        await CompleteAtTheProcessorAsync();
        var done = await TestData.Workflows.WaitForAsync(staff, reference,
            v => (string)RequestDriver.Task(v, "vendor")["status"]! is "done" or "failed" or "needs-attention", "the processor's callback");
        var delivered = await Rows.ScalarAsync<long>(engine,
            "SELECT count(*) FROM opendsr_callbacks WHERE url LIKE @url AND delivered_at IS NOT NULL",
            new { url = $"%/{controller.Slug}/vendor" });
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)RequestDriver.Task(done, "vendor")["status"]!, Is.EqualTo("done"),
                "the forged cancellation would have failed the task");
            Assert.That((string)RequestDriver.Task(done, "vendor")["detail"]!, Does.Contain("completed the request"));
            Assert.That(delivered, Is.GreaterThanOrEqualTo(1), "the completion came as a delivered (signature-checked) callback");
        }
    }

    [Test]
    public async Task A_callback_signed_by_an_unknown_key_for_no_request_of_ours_is_refused_with_403()
    {
        var controller = await TestTenant.CreateAsync(engine);
        engine.Settings.ProvisionSecret(controller.Slug, "opendsr-c1", Token, ProcessorEndpoint);
        await RequestDriver.RegisterAsync(controller.Staff(engine, "admin"), "vendor", new
        {
            kind = "opendsr", actions = new[] { "erase" },
            http = new { endpoint = "http://localhost/opendsr/v1/", secretRef = "opendsr-c1" },
        });
        using var rsa = RSA.Create(2048);
        var body = Encoding.UTF8.GetBytes("""
            {"controller_id":"c1","subject_request_id":"00000000-0000-4000-8000-000000000000",
             "request_status":"completed","status_callback_url":"x"}
            """);
        var response = await engine.CreateClient().SendAsync(Callback(controller.Slug, body, rsa));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }

    // The processor's people do their part on every request routed to them: assess, review, and the workflows close.
    private static async Task CompleteAtTheProcessorAsync()
    {
        var processorStaff = processor.Staff(engine, "privacy-officer");
        var routed = await Rows.ScalarAsync<string[]>(engine,
            "SELECT array_agg(r.reference) FROM opendsr_requests o JOIN requests r ON r.id = o.request_id "
                + "WHERE o.cancelled_at IS NULL AND o.callback_urls <> '{}'", new { });
        foreach (var inbound in routed)
        {
            var view = await TestData.Workflows.WaitForAsync(processorStaff, inbound,
                v => ((string?)v["waitingFor"])?.StartsWith("decision:", StringComparison.Ordinal) == true || TestData.Workflows.Closed(v),
                "the processor's decision");
            while (!TestData.Workflows.Closed(view))
            {
                var step = ((string)view["waitingFor"]!)["decision:".Length..];
                await processorStaff.PostAsJsonAsync($"/api/v1/staff/requests/{inbound}/decisions",
                    new { step, outcome = step == "review" ? "approve" : "proceed" });
                var version = (int)view["version"]!;
                view = await TestData.Workflows.WaitForAsync(processorStaff, inbound,
                    v => (int)v["version"]! > version
                        && (((string?)v["waitingFor"])?.StartsWith("decision:", StringComparison.Ordinal) == true
                            || TestData.Workflows.Closed(v)),
                    "the next step");
            }
        }
    }
}
