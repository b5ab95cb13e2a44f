using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Server.Connectors;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Connectors.Egress;

// C2: a secret is provisioned for one organisation and bound to the endpoints it may be sent to. No other tenant can
// name it, it goes nowhere else, and nothing a tenant reads names the operator's configuration.
public sealed class ConnectorSecretTests
{
    private const string SecretValue = "the-newsletter-secret-of-organisation-a-0123456789";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static EngineFactory Engine => SharedEngine.Engine;

    private static object Registration(string kind, Uri endpoint, string secretRef) =>
        new { kind, actions = new[] { "export", "erase" }, http = new { endpoint = endpoint.ToString(), secretRef } };

    [Test]
    public async Task Another_organisations_admin_cannot_name_its_secret_and_the_refusal_reveals_nothing()
    {
        await using var listener = await ScriptedServer.StartAsync(context => Task.CompletedTask);
        var a = await TestTenant.CreateAsync(Engine);
        var b = await TestTenant.CreateAsync(Engine);
        Engine.Settings.ProvisionSecret(a.Slug, "newsletter", SecretValue, listener.Url);

        var borrowed = await b.Staff(Engine, "admin").PutAsJsonAsync("/api/v1/staff/connectors/vendor",
            Registration("http", listener.Url, "newsletter"));
        var missing = await b.Staff(Engine, "admin").PutAsJsonAsync("/api/v1/staff/connectors/vendor",
            Registration("http", listener.Url, "no-such-secret"));
        var borrowedText = await borrowed.Content.ReadAsStringAsync();
        var problem = JsonNode.Parse(borrowedText)!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(borrowed.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(borrowed.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That((string)problem["type"]!, Is.EqualTo("urn:dsar:problem:secret-not-provisioned"));
            Assert.That((string)problem["errors"]!["http.secretRef"]![0]!,
                Is.EqualTo("secretRef 'newsletter' is not a secret the operator provisioned for this organisation and endpoint."));
            Assert.That(borrowedText, Does.Not.Contain("Dsar:").And.Not.Contain("Secrets"));
            // A name that exists for another organisation answers exactly like one that exists nowhere.
            Assert.That(
                Comparable(await missing.Content.ReadAsStringAsync()).Replace("no-such-secret", "newsletter", StringComparison.Ordinal),
                Is.EqualTo(Comparable(borrowedText)));
            Assert.That(await Rows.CountAsync(Engine, "connectors", b.Id), Is.Zero);
        }
    }

    [Test]
    public async Task A_secret_cannot_be_pointed_at_an_endpoint_the_operator_did_not_bind_it_to()
    {
        await using var listener = await ScriptedServer.StartAsync(context => Task.CompletedTask);
        var a = await TestTenant.CreateAsync(Engine);
        var admin = a.Staff(Engine, "admin");
        Engine.Settings.ProvisionSecret(a.Slug, "newsletter", SecretValue, new Uri(listener.Url, "tenant-a/"));

        var elsewhere = await admin.PutAsJsonAsync("/api/v1/staff/connectors/vendor",
            Registration("opendsr", new Uri("https://attacker.example/"), "newsletter"));
        var otherPort = await admin.PutAsJsonAsync("/api/v1/staff/connectors/vendor",
            Registration("http", new UriBuilder(listener.Url) { Port = listener.Url.Port == 1 ? 2 : 1, Path = "tenant-a/" }.Uri,
                "newsletter"));
        var otherPath = await admin.PutAsJsonAsync("/api/v1/staff/connectors/vendor",
            Registration("http", new Uri(listener.Url, "tenant-ab/"), "newsletter"));
        var escaping = await admin.PutAsJsonAsync("/api/v1/staff/connectors/vendor",
            Registration("http", new Uri(listener.Url + "tenant-a/%2e%2e/admin/"), "newsletter"));
        var bound = await admin.PutAsJsonAsync("/api/v1/staff/connectors/vendor",
            Registration("http", new Uri(listener.Url, "tenant-a/v2"), "newsletter"));
        using (Assert.EnterMultipleScope())
        {
            foreach (var refused in new[] { elsewhere, otherPort, otherPath, escaping })
                Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), await refused.Content.ReadAsStringAsync());
            Assert.That(bound.StatusCode, Is.EqualTo(HttpStatusCode.Created), "a path under the bound one is accepted");
        }
    }

    // The review's scenario, with the registration already stored (made before the fix, or before the operator
    // changed the configuration): the engine re-checks at the call, so the listener never hears the secret.
    [TestCase("opendsr", "export", "access")]
    [TestCase("http", "erase", "erasure")]
    public async Task A_stored_connector_naming_another_organisations_secret_never_delivers_it(string kind, string action, string right)
    {
        await using var listener = await ScriptedServer.StartAsync(context => Task.CompletedTask);
        var a = await TestTenant.CreateAsync(Engine);
        var b = await TestTenant.CreateAsync(Engine);
        Engine.Settings.ProvisionSecret(a.Slug, "newsletter", SecretValue, new Uri("https://api.newsletter.example/"));
        var refused = await b.Staff(Engine, "admin").PutAsJsonAsync("/api/v1/staff/connectors/vendor", new
        {
            kind, actions = new[] { action }, http = new { endpoint = listener.Url.ToString(), secretRef = "newsletter" },
        });
        await StoreAsync(b, kind, action, listener.Url, "newsletter");

        var (task, journal) = await TaskRuns.RunAsync(Engine, b, "vendor", right, TaskRuns.Failed);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(listener.Requests, Is.Empty, "nothing at all reached the listener");
            Assert.That(listener.Requests.Select(r => r.Authorization ?? ""), Has.None.Contains(SecretValue));
            Assert.That((string)task["detail"]!, Does.StartWith("secret-unavailable: "));
            Assert.That(journal, Does.Contain("secret-unavailable").And.Not.Contain("Dsar:"));
        }
    }

    [Test]
    public async Task A_secret_the_operator_withdraws_is_no_longer_sent_and_the_journal_names_no_setting()
    {
        await using var listener = await ScriptedServer.StartAsync(context => Task.CompletedTask);
        var tenant = await TestTenant.CreateAsync(Engine);
        Engine.Settings.ProvisionSecret(tenant.Slug, "newsletter", SecretValue, listener.Url);
        await RequestDriver.RegisterAsync(tenant.Staff(Engine, "admin"), "vendor", Registration("http", listener.Url, "newsletter"));
        Engine.Settings.WithdrawSecret(tenant.Slug, "newsletter");

        var (task, journal) = await TaskRuns.RunAsync(Engine, tenant, "vendor", "erasure", TaskRuns.Failed);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(listener.Requests, Is.Empty);
            Assert.That((string)task["detail"]!, Does.StartWith("secret-unavailable: ").And.Not.Contain("Dsar:"));
            Assert.That(journal, Does.Contain("secret-unavailable").And.Not.Contain("Dsar:"));
        }
    }

    private static async Task StoreAsync(TestTenant tenant, string kind, string action, Uri endpoint, string secretRef)
    {
        var http = JsonSerializer.Serialize(new { endpoint = endpoint.ToString(), secretRef, resultMode = "sync" }, Json);
        await Engine.Services.GetRequiredService<ConnectorStore>().UpsertAsync(tenant.Id,
            new StoredConnector("vendor", [action], 24, true, kind, "X", [], [], "[]", false, http, default, null),
            TimeProvider.System.GetUtcNow(), CancellationToken.None);
    }

    // The trace id differs per response; everything else must be identical.
    private static string Comparable(string problem)
    {
        var node = JsonNode.Parse(problem)!.AsObject();
        node.Remove("traceId");
        return node.ToJsonString();
    }
}
