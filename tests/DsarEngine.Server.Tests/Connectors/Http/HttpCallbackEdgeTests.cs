using System.Net;
using System.Text;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Samples.Common;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Connectors.Http;

// The HTTP connector callback on a real Kestrel port, with the engine's broker connection behind a gate: bodies are
// bounded while they arrive (M4), a callback is stored before it is answered and delivered whenever the broker is
// there (M10), and a replay within the signature window changes nothing.
public sealed class HttpCallbackEdgeTests
{
    private const int MaxResultBytes = 65_536;
    private static BrokerGate gate = null!;
    private static EngineFactory engine = null!;

    [OneTimeSetUp]
    public async Task StartEngine()
    {
        gate = BrokerGate.Open();
        engine = await EngineFactory.StartOnKestrelAsync(new Dictionary<string, string?>
        {
            ["Dsar:Bus:Url"] = gate.Url.ToString(),
            ["Dsar:Connectors:Http:MaxResultBytes"] = MaxResultBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    [OneTimeTearDown]
    public async Task StopEngine()
    {
        gate.Reopen();
        await engine.DisposeAsync();
        await gate.DisposeAsync();
    }

    // A newsletter SaaS in callback mode whose callbacks are held back for the test to deliver, and a request whose export task waits for one.
    private static async Task<(NewsletterService Saas, CapturedCallbacks Callbacks, HttpClient Staff, string Reference, string Name)> TaskWaitingForCallbackAsync()
    {
        var callbacks = new CapturedCallbacks();
        var saas = await NewsletterService.StartAsync(callbacks, mode: "callback");
        var tenant = await TestTenant.CreateAsync(engine);
        var name = $"news-{Guid.NewGuid():N}"[..13];
        await RequestDriver.RegisterAsync(tenant.Staff(engine, "admin"), name, saas.Registration("export"));
        var staff = tenant.Staff(engine, "privacy-officer");
        var reference = await RequestDriver.SubmitAsync(engine, tenant, "access", SamplePeople.Demo[2].Email);
        await RequestDriver.ToFanOutAsync(staff, reference);
        await TestData.Workflows.WaitForAsync(staff, reference, v => (string)RequestDriver.Task(v, name)["status"]! == "acknowledged", "the connector's 202");
        return (saas, callbacks, staff, reference, name);
    }

    private static Task<long> CountAsync(string sql, object? parameters = null) => Rows.ScalarAsync<long>(engine, sql, parameters ?? new { });

    [TestCase(true, TestName = "An_oversized_result_with_a_Content_Length_gets_413_and_stores_nothing")]
    [TestCase(false, TestName = "An_oversized_chunked_result_gets_413_and_stores_nothing_without_the_server_reading_it_whole")]
    public async Task An_oversized_result_gets_413_and_stores_nothing(bool announceLength)
    {
        const long total = 256L * 1024 * 1024;
        var (outboxBefore, chunksBefore) = (await CountAsync("SELECT count(*) FROM outbox"), await CountAsync("SELECT count(*) FROM connector_exports"));
        using var client = engine.CreateClient();
        var (status, problem, sent) = await RawHttp.PostEndlessAsync(client.BaseAddress!, $"/api/v1/connectors/http/some-org/some-saas/tasks/{Guid.NewGuid()}/result",
            total, announceLength);
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
        var (status, problem, sent) = await RawHttp.PostEndlessAsync(client.BaseAddress!, "/api/v1/requests/DSR-AAAA-BBBB-CCCC/identity", 64L * 1024 * 1024,
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
            ["export"] = new JsonObject { ["connector"] = "archive", ["system"] = "Archive", ["categories"] = new JsonArray(new JsonObject { ["category"] = "letters", ["records"] = new JsonArray(record) }) },
        };
        using var staff = tenant.Staff(engine, "privacy-officer");
        var large = await staff.PostAsync($"/api/v1/staff/requests/DSR-AAAA-BBBB-CCCC/tasks/{Guid.NewGuid()}/complete", Submissions.Json(body));
        // The same size anywhere else is refused before it is read.
        var elsewhere = await staff.PostAsync("/api/v1/staff/requests", Submissions.Json(body));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(large.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "read whole and checked: only the request is unknown");
            Assert.That(elsewhere.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        }
    }

    [Test]
    public async Task The_same_signed_callback_sent_twice_stores_one_export_and_one_reply()
    {
        var (saas, callbacks, staff, reference, name) = await TaskWaitingForCallbackAsync();
        await using var _ = saas;
        var callback = await callbacks.NextAsync();
        using var client = engine.CreateClient();
        var first = await client.SendAsync(callback.Request());
        var replayed = await client.SendAsync(callback.Request());
        var view = await TestData.Workflows.WaitForAsync(staff, reference, v => (string)RequestDriver.Task(v, name)["status"]! == "done", "the export to be accepted");
        var task = RequestDriver.Task(view, name);
        var taskId = Guid.Parse((string)task["taskId"]!);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(replayed.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), "a replay is answered like the original");
            Assert.That(await CountAsync("SELECT count(DISTINCT export_id) FROM connector_exports WHERE task_id = @taskId", new { taskId }), Is.EqualTo(1));
            Assert.That(await CountAsync("SELECT count(*) FROM connector_exports WHERE task_id = @taskId", new { taskId }), Is.EqualTo(1), "one chunk, stored once");
            Assert.That(await CountAsync("SELECT count(*) FROM outbox WHERE body -> 'task' ->> 'taskId' = @id AND message_type LIKE '%ConnectorTaskCompleted'",
                new { id = taskId.ToString() }), Is.EqualTo(1));
            Assert.That((int)task["export"]!["records"]!, Is.GreaterThan(0));
        }
    }

    [Test]
    public async Task A_callback_accepted_while_the_bus_is_unreachable_is_delivered_when_it_is_back()
    {
        var (saas, callbacks, staff, reference, name) = await TaskWaitingForCallbackAsync();
        await using var _ = saas;
        var callback = await callbacks.NextAsync();
        HttpResponseMessage accepted;
        long waiting;
        gate.Close();
        try
        {
            using var client = engine.CreateClient();
            accepted = await client.SendAsync(callback.Request());
            waiting = await CountAsync("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND message_type LIKE '%ConnectorTaskCompleted'");
        }
        finally
        {
            gate.Reopen();
        }
        var view = await WaitLongAsync(staff, reference, v => (string)RequestDriver.Task(v, name)["status"]! == "done");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(waiting, Is.EqualTo(1), "stored, waiting for the broker");
            Assert.That((int)RequestDriver.Task(view, name)["export"]!["records"]!, Is.GreaterThan(0));
        }
    }

    [TestCase("t={0},t={0},v1={1}")]
    [TestCase("t=9223372036854775807,v1={1}")]
    [TestCase("t=253402300800,v1={1}")]
    public async Task A_crafted_signature_header_is_refused_with_401_and_changes_nothing(string format)
    {
        var body = Encoding.UTF8.GetBytes("""{"outcome":"done","summary":"x"}""");
        var header = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, TimeProvider.System.GetUtcNow().ToUnixTimeSeconds(), new string('a', 64));
        var outboxBefore = await CountAsync("SELECT count(*) FROM outbox");
        var tenant = await TestTenant.CreateAsync(engine);
        await using var saas = await NewsletterService.StartAsync(mode: "callback");
        var name = $"news-{Guid.NewGuid():N}"[..13];
        await RequestDriver.RegisterAsync(tenant.Staff(engine, "admin"), name, saas.Registration("export"));
        using var message = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/connectors/http/{tenant.Slug}/{name}/tasks/{Guid.NewGuid()}/result")
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } },
        };
        message.Headers.Add(DsarEngine.Connectors.HttpTaskSignature.Header, header);
        using var client = engine.CreateClient();
        var response = await client.SendAsync(message);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((string)(await response.ReadObjectAsync())["type"]!, Is.EqualTo("urn:dsar:problem:bad-signature"));
            Assert.That(await CountAsync("SELECT count(*) FROM outbox"), Is.EqualTo(outboxBefore));
        }
    }

    // The broker comes back on MassTransit's reconnect schedule, so this wait is longer than the usual 30 s.
    private static async Task<JsonObject> WaitLongAsync(HttpClient staff, string reference, Func<JsonObject, bool> condition)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        JsonObject view = [];
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            view = (await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/workflow"))!;
            if (condition(view))
                return view;
            await Task.Delay(200);
        }
        // What the relay made of it, and whether the engine sees the broker, to tell the two apart.
        var row = await Rows.ScalarAsync<string?>(engine,
            "SELECT format('sent_at=%s attempts=%s last_error=%s', sent_at, attempts, last_error) FROM outbox WHERE message_type LIKE '%ConnectorTaskCompleted' AND sent_at IS NULL LIMIT 1", new { });
        var broker = await staff.GetAsync("/health/broker");
        Assert.Fail($"The callback was not delivered after the broker came back; outbox: {row ?? "all sent"}; /health/broker: {(int)broker.StatusCode} "
            + $"{await broker.Content.ReadAsStringAsync()}; last view: {view.ToJsonString()}");
        return view;
    }
}
