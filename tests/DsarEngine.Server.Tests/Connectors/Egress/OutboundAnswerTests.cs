using System.Text;
using DsarEngine.Server.OpenDsr;
using DsarEngine.Server.Tests.TestData;
using Microsoft.AspNetCore.Http;

namespace DsarEngine.Server.Tests.Connectors.Egress;

// M3 and M4 on what comes back: a connector or processor answer is an answer, never a pointer to follow elsewhere,
// never read past a bound, and never reflected into what the tenant reads.
public sealed class OutboundAnswerTests
{
    private const string Secret = "a-secret-for-the-outbound-answer-tests-0123456789";
    private static EngineFactory Engine => SharedEngine.Engine;

    private static async Task<TestTenant> RegisterAsync(string kind, Uri endpoint, string action)
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        Engine.Settings.ProvisionSecret(tenant.Slug, "svc", Secret, endpoint);
        await RequestDriver.RegisterAsync(tenant.Staff(Engine, "admin"), "vendor", new
        {
            kind, actions = new[] { action }, http = new { endpoint = endpoint.ToString(), secretRef = "svc", resultMode = "callback" },
        });
        return tenant;
    }

    [Test]
    public async Task A_redirect_is_not_followed()
    {
        await using var target = await ScriptedServer.StartAsync(context => Task.CompletedTask);
        await using var connector = await ScriptedServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            context.Response.Headers.Location = new Uri(target.Url, "dsar/v1/tasks").ToString();
            return Task.CompletedTask;
        });
        var tenant = await RegisterAsync("http", connector.Url, "erase");

        var (task, _) = await TaskRuns.RunAsync(Engine, tenant, "vendor", "erasure", TaskRuns.Failed);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)task["detail"]!, Does.StartWith("rejected-307: "));
            Assert.That(connector.Requests, Has.Count.EqualTo(1));
            Assert.That(target.Requests, Is.Empty);
        }
    }

    [Test]
    public async Task A_status_url_on_another_origin_is_not_polled()
    {
        await using var elsewhere = await ScriptedServer.StartAsync(context => Task.CompletedTask);
        await using var connector = await ScriptedServer.StartAsync(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            await context.Response.WriteAsJsonAsync(new { statusUrl = new Uri(elsewhere.Url, "status/1").ToString() });
        });
        var tenant = await RegisterAsync("http", connector.Url, "erase");

        var (task, _) = await TaskRuns.RunAsync(Engine, tenant, "vendor", "erasure", TaskRuns.Failed);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)task["detail"]!, Does.StartWith("bad-status-url: "));
            Assert.That(elsewhere.Requests, Is.Empty);
        }
    }

    [Test]
    public async Task An_oversized_chunked_answer_fails_the_task_and_is_not_read_to_its_end()
    {
        const long Offered = 256L * 1024 * 1024;
        long written = 0;
        await using var connector = await ScriptedServer.StartAsync(async context =>
        {
            // No Content-Length: chunked, so only reading tells how large it is.
            context.Response.ContentType = "application/json";
            var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
            try
            {
                while (Interlocked.Read(ref written) < Offered)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                    Interlocked.Add(ref written, chunk.Length);
                }
            }
            catch (OperationCanceledException) { } // the engine hung up
            catch (IOException) { }
        });
        var tenant = await RegisterAsync("http", connector.Url, "export");

        var (task, journal) = await TaskRuns.RunAsync(Engine, tenant, "vendor", "access", TaskRuns.Failed);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)task["detail"]!, Does.StartWith("response-too-large: "));
            Assert.That(journal, Does.Contain("response-too-large"));
            Assert.That(Interlocked.Read(ref written), Is.LessThan(64L * 1024 * 1024), "the engine stops reading just past its 16 MiB bound");
        }
    }

    [Test]
    public async Task A_processors_error_text_never_reaches_the_task_or_the_journal()
    {
        await using var processor = await ScriptedServer.StartAsync(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new { error = new { code = 400, message = "db01.corp.internal: password of svc_dsar expired" }, title = "db01.corp.internal" });
        });
        var tenant = await RegisterAsync("opendsr", processor.Url, "erase");

        var (task, journal) = await TaskRuns.RunAsync(Engine, tenant, "vendor", "erasure", TaskRuns.Failed);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)task["detail"]!, Is.EqualTo("rejected: The processor answered 400."));
            Assert.That(journal, Does.Not.Contain("db01"));
        }
    }

    [Test]
    public async Task Forged_callbacks_while_a_processors_discovery_fails_trigger_a_single_fetch()
    {
        await using var processor = await ScriptedServer.StartAsync(async context =>
        {
            await Task.Delay(300, context.RequestAborted);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        });
        var tenant = await RegisterAsync("opendsr", processor.Url, "erase");
        HttpRequestMessage Forged()
        {
            var message = new HttpRequestMessage(HttpMethod.Post, $"/opendsr/v1/callbacks/{tenant.Slug}/vendor") { Content = new StringContent("""{"request_status":"completed"}""") };
            message.Headers.Add(OpenDsrSigner.SignatureHeader, Convert.ToBase64String(new byte[256]));
            return message;
        }

        var together = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Engine.CreateClient().SendAsync(Forged())));
        var after = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
            after.Add(await Engine.CreateClient().SendAsync(Forged()));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(together.Concat(after).Select(r => r.IsSuccessStatusCode), Has.None.True);
            Assert.That(processor.Requests.Count(r => r.Path == "/discovery"), Is.EqualTo(1));
        }
    }
}
