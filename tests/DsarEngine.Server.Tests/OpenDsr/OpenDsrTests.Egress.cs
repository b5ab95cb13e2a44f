using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.OpenDsr;

// What a controller can make this engine do outbound (M3), and what a forged Host header can make it sign (L9).
public sealed partial class OpenDsrTests
{
    [TestCase("http://10.0.0.5/callbacks", "private")]
    [TestCase("http://169.254.169.254/latest/meta-data/", "link-local")]
    [TestCase("http://[::ffff:192.168.1.1]/callbacks", "private")]
    [TestCase("http://100.64.0.9/callbacks", "carrier-grade NAT")]
    public async Task A_status_callback_url_to_an_internal_address_is_refused_at_intake_and_nothing_is_stored(string url, string kind)
    {
        var id = Guid.NewGuid();
        var body = Request(id);
        body["status_callback_urls"] = new JsonArray("https://controller.example/callbacks", url);
        var response = await Controller().PostAsJsonAsync("/opendsr/v1/requests", body);
        var problem = await response.ReadObjectAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "status_callback_urls[1]" }));
            Assert.That((string)problem["errors"]!["status_callback_urls[1]"]![0]!, Does.Contain($"does not call {kind} addresses"));
            Assert.That(await Rows.ScalarAsync<long>(engine,
                    "SELECT count(*) FROM opendsr_requests WHERE subject_request_id = @id", new { id }),
                Is.Zero);
        }
    }

    [Test]
    public async Task Discovery_points_at_the_certificate_under_the_public_base_url_whatever_the_Host_header_says()
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, "/opendsr/v1/discovery");
        message.Headers.Host = "attacker.example";
        var response = await engine.CreateClient().SendAsync(message);
        var body = await response.Content.ReadAsByteArrayAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)JsonNode.Parse(body)!["processor_certificate"]!, Is.EqualTo("http://localhost/opendsr/v1/certificate.pem"));
            Assert.That(await SignedByProcessorAsync(response, body), Is.True);
        }
    }
}
