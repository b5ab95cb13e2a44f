using System.Net;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Connectors.Http;

// M4: bodies bounded while they arrive, on the real server.
public sealed partial class HttpCallbackEdgeTests
{
    [TestCase(true, TestName = "An_oversized_result_with_a_Content_Length_gets_413_and_stores_nothing")]
    [TestCase(false, TestName = "An_oversized_chunked_result_gets_413_and_stores_nothing_without_the_server_reading_it_whole")]
    public async Task An_oversized_result_gets_413_and_stores_nothing(bool announceLength)
    {
        const long total = 256L * 1024 * 1024;
        var (outboxBefore, chunksBefore) =
            (await CountAsync("SELECT count(*) FROM outbox"), await CountAsync("SELECT count(*) FROM connector_exports"));
        using var client = engine.CreateClient();
        var (status, problem, sent) = await RawHttp.PostEndlessAsync(client.BaseAddress!,
            $"/api/v1/connectors/http/some-org/some-saas/tasks/{Guid.NewGuid()}/result", total, announceLength);
        await TestContext.Out.WriteLineAsync($"{sent} of {total} bytes sent before the answer");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(413));
            Assert.That((string?)problem?["type"], Is.EqualTo("urn:dsar:problem:body-too-large"));
            // The answer came long before the client could send it all: the server stopped at the limit.
            Assert.That(sent, Is.LessThan(total / 16), $"{sent} bytes were sent before the answer");
            Assert.That(await CountAsync("SELECT count(*) FROM outbox"), Is.EqualTo(outboxBefore));
            Assert.That(await CountAsync("SELECT count(*) FROM connector_exports"), Is.EqualTo(chunksBefore));
        }
    }

    // The server-wide bound (Dsar:Network:MaxRequestBodyBytes, 1 MiB by default) holds where an endpoint reads the body its own way.
    [Test]
    public async Task A_body_over_the_server_wide_limit_gets_413_on_an_endpoint_without_a_larger_one()
    {
        using var client = engine.CreateClient();
        var (status, problem, sent) = await RawHttp.PostEndlessAsync(client.BaseAddress!, "/api/v1/requests/DSR-AAAA-BBBB-CCCC/identity",
            64L * 1024 * 1024,
            announceLength: false, contentType: "application/x-www-form-urlencoded");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(413));
            Assert.That((string?)problem?["type"], Is.EqualTo("urn:dsar:problem:body-too-large"));
            Assert.That(sent, Is.LessThan(16L * 1024 * 1024));
        }
    }

    // The one staff endpoint allowed more than the server-wide 1 MiB: a manual task completion carries the export a person gathered.
    [Test]
    public async Task A_manual_completion_may_carry_an_export_larger_than_the_server_wide_limit()
    {
        var tenant = await TestTenant.CreateAsync(engine);
        var record = new JsonObject { ["note"] = new string('a', 2 * 1024 * 1024) };
        var body = new JsonObject
        {
            ["outcome"] = "done", ["note"] = "Gathered from the paper archive.",
            ["export"] = new JsonObject
            {
                ["connector"] = "archive", ["system"] = "Archive",
                ["categories"] = new JsonArray(new JsonObject { ["category"] = "letters", ["records"] = new JsonArray(record) }),
            },
        };
        using var staff = tenant.Staff(engine, "privacy-officer");
        var large = await staff.PostAsync($"/api/v1/staff/requests/DSR-AAAA-BBBB-CCCC/tasks/{Guid.NewGuid()}/complete",
            Submissions.Json(body));
        // The same size anywhere else is refused before it is read.
        var elsewhere = await staff.PostAsync("/api/v1/staff/requests", Submissions.Json(body));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(large.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "read whole and checked: only the request is unknown");
            Assert.That(elsewhere.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        }
    }
}
