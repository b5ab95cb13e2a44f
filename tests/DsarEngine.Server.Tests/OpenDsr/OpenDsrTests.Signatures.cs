using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DsarEngine.Server.OpenDsr;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.OpenDsr;

// A controller configured with a certificate signs its calls instead of holding a bearer token.
public sealed partial class OpenDsrTests
{
    // A POST signs its body; a GET or DELETE signs "<METHOD> <path>\n<unix seconds>" and sends the time in X-OpenDSR-Timestamp.
    private static HttpRequestMessage Signed(HttpMethod method, string path, byte[]? body, RSA key, DateTimeOffset? at = null)
    {
        var message = new HttpRequestMessage(method, path);
        byte[] signed;
        if (body is not null)
        {
            message.Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } };
            signed = body;
        }
        else
        {
            var timestamp = (at ?? TimeProvider.System.GetUtcNow()).ToUnixTimeSeconds()
                .ToString(System.Globalization.CultureInfo.InvariantCulture);
            message.Headers.Add("X-OpenDSR-Timestamp", timestamp);
            signed = Encoding.UTF8.GetBytes($"{method.Method} {path}\n{timestamp}");
        }
        message.Headers.Add(OpenDsrSigner.SignatureHeader,
            Convert.ToBase64String(key.SignData(signed, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)));
        return message;
    }

    private static HttpRequestMessage Copy(HttpRequestMessage signed, string? timestamp = null)
    {
        var copy = new HttpRequestMessage(signed.Method, signed.RequestUri);
        copy.Headers.Add(OpenDsrSigner.SignatureHeader, signed.Headers.GetValues(OpenDsrSigner.SignatureHeader));
        if (timestamp is not null || signed.Headers.Contains("X-OpenDSR-Timestamp"))
            copy.Headers.Add("X-OpenDSR-Timestamp", timestamp ?? signed.Headers.GetValues("X-OpenDSR-Timestamp").Single());
        return copy;
    }

    [Test]
    public async Task A_signed_GET_opens_the_request_only_within_five_minutes_of_its_signed_timestamp()
    {
        var id = Guid.NewGuid();
        var created = await engine.CreateClient().SendAsync(Signed(HttpMethod.Post, "/opendsr/v1/requests",
            Encoding.UTF8.GetBytes(Request(id, "access").ToJsonString()), ControllerKey));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var path = $"/opendsr/v1/requests/{id:D}";
        var now = TimeProvider.System.GetUtcNow();
        var fresh = Signed(HttpMethod.Get, path, null, ControllerKey);
        var freshAnswer = await engine.CreateClient().SendAsync(fresh);
        var replayedInside = await engine.CreateClient().SendAsync(Copy(fresh));
        // Captured six minutes ago (a proxy log, a trace) and replayed now.
        var captured = Signed(HttpMethod.Get, path, null, ControllerKey, now.AddMinutes(-6));
        var replayedAfter = await engine.CreateClient().SendAsync(Copy(captured));
        // The same old signature with the timestamp header moved to now: the signature no longer matches.
        var altered = await engine.CreateClient().SendAsync(
            Copy(captured, now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        // The former scheme (method and path only) is no longer enough.
        var untimed = new HttpRequestMessage(HttpMethod.Get, path);
        untimed.Headers.Add(OpenDsrSigner.SignatureHeader, Convert.ToBase64String(
            ControllerKey.SignData(Encoding.UTF8.GetBytes($"GET {path}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)));
        var untimedAnswer = await engine.CreateClient().SendAsync(untimed);
        var results = await engine.CreateClient().SendAsync(
            Signed(HttpMethod.Get, path + "/results", null, ControllerKey, now.AddMinutes(-6)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(freshAnswer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(replayedInside.StatusCode, Is.EqualTo(HttpStatusCode.OK), "within the window a repeat is the same idempotent read");
            Assert.That(replayedAfter.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((string)(await replayedAfter.ReadObjectAsync())["type"]!, Is.EqualTo("urn:dsar:problem:unauthenticated"));
            Assert.That(altered.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(untimedAnswer.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(results.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }

    [Test]
    public async Task A_controller_that_signs_with_its_certificate_key_is_accepted_and_a_signature_by_another_key_is_refused()
    {
        var id = Guid.NewGuid();
        var body = Encoding.UTF8.GetBytes(Request(id, "access").ToJsonString());
        using var stranger = RSA.Create(2048);
        var forged = await engine.CreateClient().SendAsync(Signed(HttpMethod.Post, "/opendsr/v1/requests", body, stranger));
        var storedAfterForgery = await Rows.ScalarAsync<long>(engine,
            "SELECT count(*) FROM opendsr_requests WHERE subject_request_id = @id", new { id });
        var created = await engine.CreateClient().SendAsync(Signed(HttpMethod.Post, "/opendsr/v1/requests", body, ControllerKey));
        var status = await engine.CreateClient().SendAsync(Signed(HttpMethod.Get, $"/opendsr/v1/requests/{id:D}", null, ControllerKey));
        // A signature over another request's path does not open this one.
        var other = Signed(HttpMethod.Get, $"/opendsr/v1/requests/{Guid.NewGuid():D}", null, ControllerKey);
        var elsewhere = new HttpRequestMessage(HttpMethod.Get, $"/opendsr/v1/requests/{id:D}");
        elsewhere.Headers.Add(OpenDsrSigner.SignatureHeader, other.Headers.GetValues(OpenDsrSigner.SignatureHeader));
        elsewhere.Headers.Add("X-OpenDSR-Timestamp", other.Headers.GetValues("X-OpenDSR-Timestamp"));
        var replayed = await engine.CreateClient().SendAsync(elsewhere);
        // Another controller's request is not this one's to read, even to a valid caller.
        var otherControllers = await Controller().GetAsync($"/opendsr/v1/requests/{id:D}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(storedAfterForgery, Is.Zero);
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
            Assert.That((string)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["controller_id"]!, Is.EqualTo("c2"));
            Assert.That(status.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(replayed.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(otherControllers.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }
    }

    [Test]
    public async Task A_status_change_becomes_a_stored_callback_that_is_kept_and_retried_when_the_controller_refuses_it()
    {
        var id = Guid.NewGuid();
        var request = Request(id);
        // An endpoint of this engine that refuses the call (no such connector): the delivery fails with 403.
        const string url = "http://localhost/opendsr/v1/callbacks/nobody/nothing";
        request["status_callback_urls"] = new JsonArray(url);
        await Controller().PostAsJsonAsync("/opendsr/v1/requests", request);
        await Controller().DeleteAsync($"/opendsr/v1/requests/{id:D}");
        var error = await WaitForRowAsync<string?>("SELECT last_error FROM opendsr_callbacks WHERE url = @url AND body LIKE @like",
            new { url, like = $"%{id:D}%" }, e => e is not null, "the first failed delivery");
        var row = await Rows.ScalarAsync<string>(engine,
            "SELECT format('%s|%s|%s', attempts, delivered_at IS NULL, next_attempt_at > created_at) "
                + "FROM opendsr_callbacks WHERE body LIKE @like", new { like = $"%{id:D}%" });
        var body = JsonNode.Parse(await Rows.ScalarAsync<string>(engine,
            "SELECT body FROM opendsr_callbacks WHERE body LIKE @like", new { like = $"%{id:D}%" }))!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Is.EqualTo("HTTP 403"));
            Assert.That(row, Is.EqualTo("1|t|t"), "attempted once, not delivered, due again later");
            Assert.That((string)body["request_status"]!, Is.EqualTo("cancelled"));
            Assert.That((string)body["status_callback_url"]!, Is.EqualTo(url));
            Assert.That((string)body["controller_id"]!, Is.EqualTo("c1"));
        }
    }
}
