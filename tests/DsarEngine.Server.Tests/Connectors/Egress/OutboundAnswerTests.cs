using System.Net;
using System.Net.Sockets;
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
        await using var connector = ChunkedFlood.Start(offered: 256L * 1024 * 1024);
        var tenant = await RegisterAsync("http", connector.Url, "export");

        var (task, journal) = await TaskRuns.RunAsync(Engine, tenant, "vendor", "access", TaskRuns.Failed);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)task["detail"]!, Does.StartWith("response-too-large: "));
            Assert.That(journal, Does.Contain("response-too-large"));
            // 16 MiB read, plus what the kernels' socket buffers took (up to a few tens of MiB) before the engine hung up.
            Assert.That(await connector.SentAsync(), Is.LessThan(100L * 1024 * 1024),
                "the engine stops reading just past its 16 MiB bound, long before the 256 MiB offered");
        }
    }

    // Answers one request with a chunked body (no Content-Length) written straight to the socket, and counts what the
    // socket accepted: once the engine hangs up, writes fail, so the count is what the engine read plus buffers.
    private sealed class ChunkedFlood : IAsyncDisposable
    {
        private const int ChunkBytes = 64 * 1024;
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private Task<long> serving = Task.FromResult(0L);

        public Uri Url { get; private set; } = null!;

        public static ChunkedFlood Start(long offered)
        {
            var flood = new ChunkedFlood();
            flood.listener.Start();
            flood.Url = new Uri($"http://127.0.0.1:{((IPEndPoint)flood.listener.LocalEndpoint).Port}/");
            flood.serving = flood.ServeAsync(offered);
            return flood;
        }

        public Task<long> SentAsync() => serving.WaitAsync(TimeSpan.FromSeconds(30));

        private async Task<long> ServeAsync(long offered)
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var head = new StringBuilder();
            var buffer = new byte[8192];
            while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer);
                if (read == 0)
                    return 0;
                head.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
            var chunk = Encoding.ASCII.GetBytes($"{ChunkBytes:x}\r\n{new string(' ', ChunkBytes)}\r\n");
            long sent = 0;
            try
            {
                while (sent < offered)
                {
                    await stream.WriteAsync(chunk);
                    sent += ChunkBytes;
                }
            }
            catch (IOException) { } // the engine hung up
            return sent;
        }

        public async ValueTask DisposeAsync()
        {
            listener.Stop();
            try { await serving; }
            catch (SocketException) { } // never connected to
            catch (ObjectDisposedException) { }
        }
    }

    [Test]
    public async Task A_processors_error_text_never_reaches_the_task_or_the_journal()
    {
        await using var processor = await ScriptedServer.StartAsync(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new
            {
                error = new { code = 400, message = "db01.corp.internal: password of svc_dsar expired" }, title = "db01.corp.internal",
            });
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
            var message = new HttpRequestMessage(HttpMethod.Post, $"/opendsr/v1/callbacks/{tenant.Slug}/vendor")
            {
                Content = new StringContent("""{"request_status":"completed"}"""),
            };
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
