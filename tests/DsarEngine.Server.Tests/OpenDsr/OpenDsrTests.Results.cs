using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.OpenDsr;

// OpenDSR results: a completed access request's status names a results_url and the record count; the controller that
// asked (and no other) fetches every record there as JSON and CSV with a manifest; each fetch is journaled.
public sealed partial class OpenDsrTests
{
    [Test]
    public async Task A_completed_access_request_gives_its_controller_the_data_at_results_url_and_no_one_else()
    {
        await using var connector = await ExportingConnector.StartAsync($"odr-{Guid.NewGuid():N}"[..14]);
        await connector.ServeAsync(processor.Slug);
        await RequestDriver.RegisterAsync(processor.Staff(engine, "admin"), connector.Name,
            new { displayName = "Orders", actions = new[] { "export" } });
        var id = Guid.NewGuid();
        var body = Request(id, "access");
        body["status_callback_urls"] = new JsonArray("https://controller.example/opendsr/callbacks");
        var created = await Controller().PostAsJsonAsync("/opendsr/v1/requests", body);
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var reference = await Rows.ScalarAsync<string>(engine,
            "SELECT r.reference FROM opendsr_requests o JOIN requests r ON r.id = o.request_id WHERE o.subject_request_id = @id",
            new { id });
        var staff = processor.Staff(engine, "privacy-officer");
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:assess"), "the assessment");
        var early = await Controller().GetAsync($"/opendsr/v1/requests/{id:D}/results");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions", new { step = "assess", outcome = "proceed" });
        await RequestDriver.ApproveUntilClosedAsync(staff, reference);

        var status = JsonNode.Parse(await Controller().GetStringAsync($"/opendsr/v1/requests/{id:D}"))!;
        var results = await Controller().GetAsync(new Uri((string)status["results_url"]!).PathAndQuery);
        var otherController = await engine.CreateClient().SendAsync(
            Signed(HttpMethod.Get, $"/opendsr/v1/requests/{id:D}/results", null, ControllerKey));
        var anonymous = await engine.CreateClient().GetAsync($"/opendsr/v1/requests/{id:D}/results");
        using var archive = new ZipArchive(new MemoryStream(await results.Content.ReadAsByteArrayAsync()));
        JsonNode Read(string path) { using var s = archive.GetEntry(path)!.Open(); return JsonNode.Parse(s)!; }
        var journal = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/journal");
        // The completed status's callback names the results too (delivery to the unreachable host fails; the row stays).
        var callback = await WaitForRowAsync<string?>(
            "SELECT body FROM opendsr_callbacks WHERE body LIKE '%\"completed\"%' AND body LIKE @id",
            new { id = $"%{id:D}%" }, b => b is not null, "the completed callback");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(early.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "nothing before the request is completed");
            Assert.That((string)status["request_status"]!, Is.EqualTo("completed"));
            Assert.That((int)status["results_count"]!, Is.EqualTo(3));
            Assert.That(results.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/zip"));
            Assert.That(Read("test-system/orders.json").AsArray(), Has.Count.EqualTo(3), "every record, machine-readable");
            Assert.That(Read("manifest.json")["files"]!.AsArray().Select(f => (string)f!["path"]!),
                Does.Contain("letter.pdf").And.Contain("test-system/orders.csv"));
            Assert.That(otherController.StatusCode, Is.EqualTo(HttpStatusCode.NotFound),
                "another controller of the same processor sees nothing");
            Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(journal!["entries"]!.AsArray().Count(e => (string)e!["kind"]! == "results-downloaded"), Is.EqualTo(1));
            Assert.That((bool)journal["verified"]!, Is.True);
            Assert.That((string?)JsonNode.Parse(callback!)!["results_url"], Is.EqualTo((string)status["results_url"]!));
        }
    }
}
