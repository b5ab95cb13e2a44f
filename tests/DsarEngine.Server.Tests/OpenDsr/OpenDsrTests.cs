using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using DsarEngine.Server.OpenDsr;
using DsarEngine.Server.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.OpenDsr;

// OpenDSR both ways on one engine talking to itself: tenant "processor" accepts OpenDSR from controller "c1" (bearer
// token) and "c2" (signed requests); other tenants drive it as an OpenDSR connector and hear back through signed callbacks.
// The processor signs with a configured key whose PEM file also holds its certificate (Dsar:OpenDsr:SigningKeyPath).
public sealed partial class OpenDsrTests
{
    private const string Token = "opendsr-test-bearer-token-of-the-controller-c1";
    // This engine's own processor endpoints, reached through the test server (Loopback).
    private static readonly Uri ProcessorEndpoint = new("http://localhost/opendsr/v1/");
    private static readonly string ProcessorSlug = $"proc-{Guid.NewGuid():N}"[..14];
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), $"opendsr-{Guid.NewGuid():N}");
    private static readonly RSA ControllerKey = RSA.Create(2048);
    private static EngineFactory engine = null!;
    private static readonly Loopback Loopback = new();
    private static TestTenant processor = null!;

    [OneTimeSetUp]
    public async Task StartEngine()
    {
        Directory.CreateDirectory(Folder);
        using var processorKey = RSA.Create(2048);
        await File.WriteAllTextAsync(Path.Combine(Folder, "processor.pem"),
            processorKey.ExportPkcs8PrivateKeyPem() + "\n" + Certificate(processorKey, "localhost"));
        await File.WriteAllTextAsync(Path.Combine(Folder, "controller-c2.pem"), Certificate(ControllerKey, "controller-c2.example"));
        engine = await EngineFactory.StartAsync(new Dictionary<string, string?>
        {
            ["Dsar:OpenDsr:Domain"] = "localhost", ["Dsar:OpenDsr:SigningKeyPath"] = Path.Combine(Folder, "processor.pem"),
            ["Dsar:OpenDsr:CallbackIntervalMilliseconds"] = "100",
            ["Dsar:OpenDsr:Controllers:c1:Tenant"] = ProcessorSlug,
            ["Dsar:OpenDsr:Controllers:c1:TokenSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Token))),
            ["Dsar:OpenDsr:Controllers:c2:Tenant"] = ProcessorSlug,
            ["Dsar:OpenDsr:Controllers:c2:CertificatePath"] = Path.Combine(Folder, "controller-c2.pem"),
        }, testServices: services => services.AddHttpClient(OpenDsrCallbackWorker.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => Loopback));
        Loopback.Connect(engine.Server.CreateHandler());
        processor = await TestTenant.CreateAsync(engine, slug: ProcessorSlug, name: "Processor GmbH");
    }

    [OneTimeTearDown]
    public async Task StopEngine()
    {
        await engine.DisposeAsync();
        ControllerKey.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    private static string Certificate(RSA key, string name)
    {
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        return certificate.ExportCertificatePem();
    }

    private static HttpClient Controller()
    {
        var client = engine.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    private static JsonObject Request(Guid id, string type = "erasure") => new()
    {
        ["subject_request_id"] = id.ToString("D"), ["subject_request_type"] = type, ["submitted_time"] = "2026-11-20T10:00:00Z",
        ["subject_identities"] = new JsonArray(new JsonObject
        {
            ["identity_type"] = "email", ["identity_value"] = "zoe@example.org", ["identity_format"] = "raw",
        }),
        ["api_version"] = "2.0", ["status_callback_urls"] = new JsonArray(),
    };

    private static async Task<string> CertificateAsync() => await engine.CreateClient().GetStringAsync("/opendsr/v1/certificate.pem");

    private static async Task<bool> SignedByProcessorAsync(HttpResponseMessage response, byte[] body) =>
        OpenDsrSigner.Verify(await CertificateAsync(), body, response.Headers.GetValues(OpenDsrSigner.SignatureHeader).Single(),
            TimeProvider.System.GetUtcNow());

    // Polls the database until the query answers what is expected: the worker runs in the background.
    private static async Task<T> WaitForRowAsync<T>(string sql, object parameters, Func<T, bool> done, string what)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        var value = await Rows.ScalarAsync<T>(engine, sql, parameters);
        while (!done(value) && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
            value = await Rows.ScalarAsync<T>(engine, sql, parameters);
        }
        Assert.That(done(value), Is.True, $"Timed out waiting for {what}; last value: {value}");
        return value;
    }
}
