using System.Net;
using System.Text;
using DsarEngine.Samples.Common;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Connectors.Http;

// The HTTP connector callback on a real Kestrel port, with the engine's broker connection behind a gate: bodies are
// bounded while they arrive (M4), a callback is stored before it is answered and delivered whenever the broker is
// there (M10), and a replay within the signature window changes nothing.
public sealed partial class HttpCallbackEdgeTests
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

    // A newsletter SaaS in callback mode whose callbacks are held back for the test to deliver, and a request whose
    // export task waits for one.
    private static async Task<(NewsletterService Saas, CapturedCallbacks Callbacks, HttpClient Staff, string Reference, string Name)>
        TaskWaitingForCallbackAsync()
    {
        var callbacks = new CapturedCallbacks();
        var saas = await NewsletterService.StartAsync(callbacks, mode: "callback");
        var tenant = await TestTenant.CreateAsync(engine);
        var name = $"news-{Guid.NewGuid():N}"[..13];
        saas.Provision(engine, tenant);
        await RequestDriver.RegisterAsync(tenant.Staff(engine, "admin"), name, saas.Registration("export"));
        var staff = tenant.Staff(engine, "privacy-officer");
        var reference = await RequestDriver.SubmitAsync(engine, tenant, "access", SamplePeople.Demo[2].Email);
        await RequestDriver.ToFanOutAsync(staff, reference);
        await TestData.Workflows.WaitForAsync(staff, reference, v => (string)RequestDriver.Task(v, name)["status"]! == "acknowledged",
            "the connector's 202");
        return (saas, callbacks, staff, reference, name);
    }

    private static Task<long> CountAsync(string sql, object? parameters = null) =>
        Rows.ScalarAsync<long>(engine, sql, parameters ?? new { });

    [TestCase("t={0},t={0},v1={1}")]
    [TestCase("t=9223372036854775807,v1={1}")]
    [TestCase("t=253402300800,v1={1}")]
    public async Task A_crafted_signature_header_is_refused_with_401_and_changes_nothing(string format)
    {
        var body = Encoding.UTF8.GetBytes("""{"outcome":"done","summary":"x"}""");
        var header = string.Format(System.Globalization.CultureInfo.InvariantCulture, format,
            TimeProvider.System.GetUtcNow().ToUnixTimeSeconds(), new string('a', 64));
        var outboxBefore = await CountAsync("SELECT count(*) FROM outbox");
        var tenant = await TestTenant.CreateAsync(engine);
        await using var saas = await NewsletterService.StartAsync(mode: "callback");
        var name = $"news-{Guid.NewGuid():N}"[..13];
        saas.Provision(engine, tenant);
        await RequestDriver.RegisterAsync(tenant.Staff(engine, "admin"), name, saas.Registration("export"));
        using var message = new HttpRequestMessage(HttpMethod.Post,
            $"/api/v1/connectors/http/{tenant.Slug}/{name}/tasks/{Guid.NewGuid()}/result")
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
}
