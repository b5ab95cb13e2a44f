using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using DsarEngine.Server.Connectors.Egress;
using DsarEngine.Server.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Connectors.Egress;

// M3 on an engine with the default networks (nothing internal allowed). Plain http stays allowed here, so that each
// refusal below is about the address, not the scheme.
public sealed class EgressTests
{
    private static EngineFactory strict = null!;

    [OneTimeSetUp]
    public async Task StartEngine() => strict = await EngineFactory.StartAsync(new Dictionary<string, string?>
    {
        ["Dsar:Egress:AllowedNetworks:0"] = null, ["Dsar:Egress:AllowedNetworks:1"] = null,
    });

    [OneTimeTearDown]
    public async Task StopEngine() => await strict.DisposeAsync();

    [TestCase("http://169.254.169.254/latest/meta-data/", "link-local")]
    [TestCase("http://10.0.0.1/", "private")]
    [TestCase("http://localhost/", "loopback")]
    [TestCase("http://api.localhost:8080/", "loopback")]
    [TestCase("http://[::ffff:127.0.0.1]:8080/", "loopback")]
    [TestCase("http://100.64.0.1/", "carrier-grade NAT")]
    [TestCase("https://[fd00::1]/", "private")]
    [TestCase("https://0.0.0.0/", "unspecified")]
    public async Task Registering_an_internal_endpoint_is_refused_with_a_clear_problem(string endpoint, string kind)
    {
        var tenant = await TestTenant.CreateAsync(strict);
        var response = await tenant.Staff(strict, "admin").PutAsJsonAsync("/api/v1/staff/connectors/vendor", new
        {
            kind = "opendsr", actions = new[] { "erase" }, http = new { endpoint, secretRef = "vendor" },
        });
        var problem = await response.ReadObjectAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That((string)problem["type"]!, Is.EqualTo("urn:dsar:problem:egress-refused"));
            Assert.That((string)problem["errors"]!["http.endpoint"]![0]!,
                Is.EqualTo($"The engine does not call {kind} addresses unless its operator allows that network."));
            Assert.That(await Rows.CountAsync(strict, "connectors", tenant.Id), Is.Zero);
        }
    }

    [Test]
    public async Task The_connect_time_guard_refuses_a_name_that_resolves_to_the_loopback_and_never_connects()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var target = new DnsEndPoint("localhost", ((IPEndPoint)listener.LocalEndpoint).Port);

        var refused = Assert.CatchAsync<EgressRefusedException>(
            async () => await strict.Services.GetRequiredService<EgressConnector>().ConnectAsync(target, CancellationToken.None));
        var reachedWhenRefused = listener.Pending();
        // The same guard with the loopback allowed (the shared engine's configuration) connects: it refuses by address, not always.
        await using var allowed = await SharedEngine.Engine.Services.GetRequiredService<EgressConnector>()
            .ConnectAsync(target, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused!.Message, Does.Contain("loopback"));
            Assert.That(reachedWhenRefused, Is.False);
            Assert.That(listener.Pending(), Is.True);
        }
    }

    // Registration cannot resolve names (a name may point elsewhere tomorrow): a connector registered by a name that
    // resolves to an internal address is accepted, and refused when the engine connects.
    [Test]
    public async Task A_connector_whose_name_resolves_to_an_internal_address_is_refused_when_the_engine_connects()
    {
        var host = Dns.GetHostName();
        var addresses = await Dns.GetHostAddressesAsync(host);
        Assume.That(addresses.Length > 0 && addresses.All(a => InternalNetworks.Kind(a) is not null), Is.True,
            $"this test needs the machine's own name ({host}) to resolve to internal addresses only, "
                + "as it does on developer machines and CI containers");
        await using var listener = await ScriptedServer.StartAsync(context => Task.CompletedTask);
        var endpoint = new Uri($"http://{host}:{listener.Url.Port}/");
        var tenant = await TestTenant.CreateAsync(strict);
        strict.Settings.ProvisionSecret(tenant.Slug, "svc", "a-secret-for-the-connect-time-test-0123456789", endpoint);
        await RequestDriver.RegisterAsync(tenant.Staff(strict, "admin"), "svc",
            new { kind = "http", actions = new[] { "erase" }, http = new { endpoint = endpoint.ToString(), secretRef = "svc" } });

        var (task, _) = await TaskRuns.RunAsync(strict, tenant, "svc", "erasure", TaskRuns.Failed);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)task["detail"]!, Does.StartWith("egress-refused: "));
            Assert.That(listener.Requests, Is.Empty);
        }
    }
}
