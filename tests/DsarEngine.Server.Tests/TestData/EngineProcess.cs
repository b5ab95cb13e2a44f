using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DsarEngine.Server.Tests.TestData;

// The engine as a separate operating-system process (the published host, not an in-memory test server), so a
// test can kill it with SIGKILL mid-step and start it again against the same database and broker.
internal sealed class EngineProcess : IAsyncDisposable
{
    private readonly ServiceProcess process;

    public Uri BaseAddress { get; }

    private EngineProcess(ServiceProcess process, Uri baseAddress) => (this.process, BaseAddress) = (process, baseAddress);

    public static async Task<EngineProcess> StartAsync(IDictionary<string, string> settings)
    {
        var port = FreePort();
        var environment = new Dictionary<string, string>(MailCatcher.EngineSettings());
        foreach (var (key, value) in settings)
            environment[key] = value;
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        environment["Logging:LogLevel:Default"] = "Warning";
        // As in EngineFactory: the test services answer plain http on the loopback, allowed explicitly.
        environment.TryAdd("Dsar:Egress:AllowHttp", "true");
        environment.TryAdd("Dsar:Egress:AllowedNetworks:0", "127.0.0.0/8");
        environment.TryAdd("Dsar:Egress:AllowedNetworks:1", "::1/128");
        var engine = new EngineProcess(ServiceProcess.Start("DsarEngine.Server.dll", environment), new Uri($"http://127.0.0.1:{port}"));
        await engine.WaitUntilLiveAsync();
        return engine;
    }

    private async Task WaitUntilLiveAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The engine exited during start-up: {string.Join(" | ", process.Output.TakeLast(5))}");
            try
            {
                if ((await client.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("The engine did not answer /health/live within 60 s.");
    }

    // SIGKILL: no shutdown hooks, no flushing; whatever was not committed is lost, by design.
    public void Kill() => process.Kill();

    public ValueTask DisposeAsync() => process.DisposeAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
