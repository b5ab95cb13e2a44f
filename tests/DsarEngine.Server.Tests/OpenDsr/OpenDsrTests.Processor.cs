using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.OpenDsr;

// The engine as a processor: discovery, create (idempotent), signed status, cancel, refusals that store nothing.
public sealed partial class OpenDsrTests
{
    [Test]
    public async Task Discovery_names_the_supported_types_identities_and_certificate_and_is_signed()
    {
        var response = await engine.CreateClient().GetAsync("/opendsr/v1/discovery");
        var body = await response.Content.ReadAsByteArrayAsync();
        var discovery = JsonNode.Parse(body)!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)discovery["api_version"]!, Is.EqualTo("2.0"));
            Assert.That(discovery["supported_subject_request_types"]!.AsArray().Select(t => (string)t!),
                Is.EquivalentTo(new[] { "access", "portability", "erasure" }));
            Assert.That(discovery["supported_identities"]!.AsArray().Select(i => $"{i!["identity_type"]}/{i["identity_format"]}"),
                Does.Contain("email/raw"));
            Assert.That((string)discovery["processor_certificate"]!, Is.EqualTo("http://localhost/opendsr/v1/certificate.pem"));
            Assert.That(discovery["extensions"]!["localhost"]!["statuses"]!.AsArray().Select(s => (string)s!),
                Is.EquivalentTo(new[] { "denied" }));
            Assert.That(response.Headers.GetValues("X-OpenDSR-Processor-Domain").Single(), Is.EqualTo("localhost"));
            Assert.That(await SignedByProcessorAsync(response, body), Is.True);
        }
    }

    [Test]
    public async Task A_request_enters_a_workflow_in_the_controllers_tenant_once_its_status_is_signed_and_a_pending_one_can_be_cancelled()
    {
        var id = Guid.NewGuid();
        var created = await Controller().PostAsJsonAsync("/opendsr/v1/requests", Request(id));
        var again = await Controller().PostAsJsonAsync("/opendsr/v1/requests", Request(id));
        var createdBytes = await created.Content.ReadAsByteArrayAsync();
        var createdBody = JsonNode.Parse(createdBytes)!;
        var status = await Controller().GetAsync($"/opendsr/v1/requests/{id:D}");
        var statusBytes = await status.Content.ReadAsByteArrayAsync();
        var requests = await Rows.ScalarAsync<long>(engine,
            "SELECT count(*) FROM requests r JOIN tenants t ON t.id = r.tenant_id "
                + "WHERE t.slug = @ProcessorSlug AND r.channel = 'controller' "
                + "AND r.id = (SELECT request_id FROM opendsr_requests WHERE subject_request_id = @id)", new { ProcessorSlug, id });
        var workflows = await Rows.ScalarAsync<long>(engine,
            "SELECT count(*) FROM workflow_instances w JOIN opendsr_requests o ON o.request_id = w.request_id "
                + "WHERE o.subject_request_id = @id", new { id });
        var cancelled = await Controller().DeleteAsync($"/opendsr/v1/requests/{id:D}");
        var after = JsonNode.Parse(await Controller().GetStringAsync($"/opendsr/v1/requests/{id:D}"))!;
        var engineStatus = await Rows.ScalarAsync<string>(engine,
            "SELECT r.status FROM requests r JOIN opendsr_requests o ON o.request_id = r.id WHERE o.subject_request_id = @id", new { id });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(await SignedByProcessorAsync(created, createdBytes), Is.True);
            Assert.That((string)createdBody["controller_id"]!, Is.EqualTo("c1"));
            Assert.That((string)createdBody["subject_request_id"]!, Is.EqualTo(id.ToString("D")));
            Assert.That(Encoding.UTF8.GetString(Convert.FromBase64String((string)createdBody["encoded_request"]!)),
                Does.Contain(id.ToString("D")));
            Assert.That(requests, Is.EqualTo(1), "one request, in the processor tenant, for both submissions");
            Assert.That(workflows, Is.EqualTo(1), "its workflow started");
            Assert.That((string)JsonNode.Parse(statusBytes)!["request_status"]!, Is.EqualTo("pending"));
            Assert.That(await SignedByProcessorAsync(status, statusBytes), Is.True);
            Assert.That(await SignedByProcessorAsync(status, [.. statusBytes.Reverse()]), Is.False);
            Assert.That(cancelled.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That((string)after["request_status"]!, Is.EqualTo("cancelled"));
            Assert.That(engineStatus, Is.EqualTo("closed"));
        }
    }

    [Test]
    public async Task A_request_the_processor_has_started_on_cannot_be_cancelled_and_reports_in_progress()
    {
        var id = Guid.NewGuid();
        await Controller().PostAsJsonAsync("/opendsr/v1/requests", Request(id));
        var reference = await Rows.ScalarAsync<string>(engine,
            "SELECT r.reference FROM opendsr_requests o JOIN requests r ON r.id = o.request_id WHERE o.subject_request_id = @id",
            new { id });
        var staff = processor.Staff(engine, "privacy-officer");
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:assess"), "the assessment");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions", new { step = "assess", outcome = "proceed" });
        var refused = await Controller().DeleteAsync($"/opendsr/v1/requests/{id:D}");
        var status = JsonNode.Parse(await Controller().GetStringAsync($"/opendsr/v1/requests/{id:D}"))!;
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string)status["request_status"]!, Is.EqualTo("in_progress").Or.EqualTo("completed"));
    }

    [Test]
    public async Task Bad_input_and_unknown_or_missing_credentials_are_refused_and_nothing_is_stored()
    {
        var before = await Rows.ScalarAsync<long>(engine, "SELECT count(*) FROM requests", new { });
        var bad = Request(Guid.NewGuid(), "delete-everything");
        bad["subject_identities"] = new JsonArray(new JsonObject
        {
            ["identity_type"] = "email", ["identity_value"] = "x", ["identity_format"] = "sha256",
        });
        var invalid = await Controller().PostAsJsonAsync("/opendsr/v1/requests", bad);
        var stranger = engine.CreateClient();
        stranger.DefaultRequestHeaders.Authorization =
            new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-known-controller-token-000000000000");
        var unauthorised = await stranger.PostAsJsonAsync("/opendsr/v1/requests", Request(Guid.NewGuid()));
        var anonymous = await engine.CreateClient().PostAsJsonAsync("/opendsr/v1/requests", Request(Guid.NewGuid()));
        var problem = JsonNode.Parse(await invalid.Content.ReadAsStringAsync())!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(invalid.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That((string)problem["type"]!, Is.EqualTo("urn:dsar:problem:validation"));
            Assert.That(problem["errors"]!.AsObject().Select(e => e.Key),
                Is.EquivalentTo(new[] { "subject_request_type", "subject_identities[0].identity_format" }));
            Assert.That((int)problem["error"]!["code"]!, Is.EqualTo(400));
            Assert.That(unauthorised.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await Rows.ScalarAsync<long>(engine, "SELECT count(*) FROM requests", new { }), Is.EqualTo(before));
        }
    }
}
