using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Security;

// Issue 11's authorization matrix, generated from the engine's own endpoint data source: every endpoint × every caller
// (anonymous, each staff role of the owning organisation, each staff role of another organisation, OpenDSR controllers),
// asserting the status. The expectations are written here, not read from the code: a new endpoint without one fails.
[NonParallelizable]
public sealed class AuthorizationMatrixTests
{
    private const string Public = "public";                  // anyone, no credential
    private const string Subject = "subject";                // anyone without a staff key (the subject's own channel)
    private const string StaffRead = "staff";                // every staff role, auditors included
    private const string StaffWrite = "staff-write";         // admin, privacy officer, agent
    private const string Admin = "admin";
    private const string ConnectorSignature = "signed";      // an HTTP connector's or OpenDSR processor's signature only
    private const string Controller = "controller";          // an OpenDSR controller's credential only

    private static readonly string[] Roles = ["admin", "privacy-officer", "agent", "auditor"];

    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        [StaffRead] = Roles, [StaffWrite] = ["admin", "privacy-officer", "agent"], [Admin] = ["admin"],
    };

    // "METHOD /route/{param}" (constraints removed, no trailing slash) -> who may call it.
    private static readonly Dictionary<string, string> Matrix = new()
    {
        ["POST /api/v1/requests"] = Public,
        ["GET /form/{tenant}"] = Public,
        ["POST /form/{tenant}"] = Public,
        ["GET /api/v1/requests/{reference}"] = Public,
        ["GET /api/v1/requests/{reference}/identity"] = Public,
        ["POST /api/v1/requests/{reference}/identity"] = Subject,
        ["POST /api/v1/requests/{reference}/pack/code"] = Subject,
        ["GET /api/v1/requests/{reference}/pack"] = Subject,
        ["POST /api/v1/requests/{reference}/transmission/code"] = Subject,
        ["GET /api/v1/requests/{reference}/transmission"] = Subject,
        ["POST /api/v1/staff/requests/{reference}/transmission/not-feasible"] = StaffWrite,
        ["GET /api/v1/deadlines/preview"] = StaffRead,
        ["POST /api/v1/staff/requests"] = StaffWrite,
        ["GET /api/v1/staff/requests"] = StaffRead,
        ["GET /api/v1/staff/requests/{reference}"] = StaffRead,
        ["GET /api/v1/staff/requests/{reference}/journal"] = StaffRead,
        ["GET /api/v1/staff/requests/{reference}/representative"] = StaffRead,
        ["POST /api/v1/staff/requests/{reference}/representative/proof"] = StaffWrite,
        ["GET /api/v1/staff/requests/{reference}/post-mortem"] = StaffRead,
        ["GET /api/v1/staff/requests/{reference}/deadline"] = StaffRead,
        ["GET /api/v1/staff/requests/{reference}/workflow"] = StaffRead,
        ["POST /api/v1/staff/requests/{reference}/extension"] = StaffWrite,
        ["POST /api/v1/staff/requests/{reference}/clock/stop"] = StaffWrite,
        ["POST /api/v1/staff/requests/{reference}/clock/resume"] = StaffWrite,
        ["POST /api/v1/staff/requests/{reference}/decisions"] = StaffWrite,
        ["POST /api/v1/staff/requests/{reference}/identity"] = StaffWrite,
        ["POST /api/v1/staff/requests/{reference}/retry"] = StaffWrite,
        ["POST /api/v1/staff/requests/{reference}/skip"] = StaffWrite,
        ["POST /api/v1/staff/requests/{reference}/close"] = StaffWrite,
        ["POST /api/v1/staff/requests/{reference}/timers/rearm"] = StaffWrite,
        ["POST /api/v1/staff/requests/{reference}/restriction/lift"] = StaffWrite,
        ["GET /api/v1/staff/requests/{reference}/notices"] = StaffRead,
        ["POST /api/v1/staff/requests/{reference}/notices"] = StaffWrite,
        ["POST /api/v1/staff/requests/{reference}/notices/{id}/notified"] = StaffWrite,
        ["GET /api/v1/staff/legal-holds"] = StaffRead,
        ["POST /api/v1/staff/legal-holds"] = Admin,
        ["POST /api/v1/staff/legal-holds/{id}/end"] = Admin,
        ["GET /api/v1/staff/backup-restores"] = StaffRead,
        ["POST /api/v1/staff/backup-restores"] = Admin,
        ["GET /api/v1/staff/requests/{reference}/tasks"] = StaffRead,
        ["POST /api/v1/staff/requests/{reference}/tasks/{taskId}/complete"] = StaffWrite,
        ["POST /api/v1/staff/requests/{reference}/tasks/{taskId}/retry"] = StaffWrite,
        ["GET /api/v1/staff/requests/{reference}/tasks/{taskId}/export"] = StaffWrite,
        ["GET /api/v1/staff/requests/{reference}/pack/letter.pdf"] = StaffWrite,
        ["GET /api/v1/staff/requests/{reference}/documents"] = StaffWrite,
        ["GET /api/v1/staff/requests/{reference}/documents/{id}"] = StaffWrite,
        ["GET /api/v1/staff/requests/{reference}/subject-documents"] = StaffWrite,
        ["GET /api/v1/staff/requests/{reference}/subject-documents/{id}"] = StaffWrite,
        ["POST /api/v1/staff/requests/{reference}/subject-documents/{id}/delete"] = StaffWrite,
        ["GET /api/v1/staff/mailbox"] = Admin,
        ["POST /api/v1/staff/mailbox/{id}/retry"] = Admin,
        ["GET /api/v1/staff/outbox"] = StaffRead,
        ["POST /api/v1/staff/outbox/{id}/retry"] = Admin,
        ["GET /api/v1/staff/connectors"] = StaffRead,
        ["GET /api/v1/staff/connectors/{name}"] = StaffRead,
        ["PUT /api/v1/staff/connectors/{name}"] = Admin,
        ["GET /api/v1/staff/register"] = StaffRead,
        ["PUT /api/v1/staff/register"] = Admin,
        ["GET /api/v1/staff/register/{language}"] = StaffRead,
        ["PUT /api/v1/staff/register/{language}"] = Admin,
        ["GET /api/v1/staff/settings/form"] = StaffRead,
        ["PUT /api/v1/staff/settings/form"] = Admin,
        ["GET /api/v1/staff/settings/identity"] = StaffRead,
        ["PUT /api/v1/staff/settings/identity"] = Admin,
        ["GET /api/v1/staff/settings/retention"] = StaffRead,
        ["PUT /api/v1/staff/settings/retention"] = Admin,
        ["GET /api/v1/staff/settings/law"] = StaffRead,
        ["PUT /api/v1/staff/settings/law"] = Admin,
        ["PUT /api/v1/staff/organisation/role"] = Admin,
        ["GET /api/v1/staff/workspaces"] = StaffRead,
        ["PUT /api/v1/staff/workspaces/{key}"] = Admin,
        ["GET /api/v1/staff/workspaces/routing-log"] = StaffRead,
        ["GET /api/v1/staff/processors"] = StaffRead,
        ["PUT /api/v1/staff/processors/{processor}"] = Admin,
        ["DELETE /api/v1/staff/processors/{processor}"] = Admin,
        ["POST /api/v1/connectors/http/{tenant}/{connector}/tasks/{taskId}/result"] = ConnectorSignature,
        ["GET /opendsr/v1/discovery"] = Public,
        ["GET /opendsr/v1/certificate.pem"] = Public,
        ["POST /opendsr/v1/requests"] = Controller,
        ["GET /opendsr/v1/requests/{id}"] = Controller,
        ["DELETE /opendsr/v1/requests/{id}"] = Controller,
        ["GET /opendsr/v1/requests/{id}/results"] = Controller,
        ["POST /opendsr/v1/callbacks/{tenant}/{connector}"] = ConnectorSignature,
        ["GET /api/v1/staff/settings/triage"] = StaffRead,
        ["PUT /api/v1/staff/settings/triage"] = Admin,
        ["GET /api/v1/staff/triage"] = StaffRead,
        ["GET /api/v1/staff/requests/{reference}/triage"] = StaffRead,
        ["PUT /api/v1/staff/requests/{reference}/urgent"] = StaffWrite,
        ["DELETE /api/v1/staff/requests/{reference}/urgent"] = StaffWrite,
        ["GET /api/v1/staff/settings/children"] = StaffRead,
        ["PUT /api/v1/staff/settings/children"] = Admin,
        ["POST /api/v1/staff/children"] = StaffWrite,
        ["POST /api/v1/staff/workspaces/{key}/end-of-contract"] = Admin,
        ["GET /api/v1/staff/contract-endings"] = StaffRead,
        ["GET /api/v1/staff/contract-endings/{id}"] = StaffRead,
        ["POST /api/v1/staff/contract-endings/{id}/bundle-link"] = Admin,
        ["GET /api/v1/staff/processors/{processor}/contract-endings"] = StaffRead,
        ["GET /api/v1/staff/processors/{processor}/contract-endings/{id}/bundle"] = Admin,
        ["GET /api/v1/contract-bundles/{id}"] = Public,
        ["GET /api/v1/staff/api-keys"] = Admin,
        ["POST /api/v1/staff/api-keys"] = Admin,
        ["DELETE /api/v1/staff/api-keys/{id}"] = Admin,
        ["GET /api/v1/staff/workflow-versions"] = StaffRead,
        ["GET /api/v1/staff/engine-health"] = StaffRead,
    };

    // Open by design and outside the API: the health probes, the OpenAPI document, the redirect to the API page.
    private static readonly HashSet<string> OutOfScope =
        ["GET /", "ANY /health/live", "ANY /health/ready", "ANY /health/broker", "GET /openapi/v1.json"];

    private const string TokenA = "authorization-matrix-controller-token-of-organisation-a";
    private const string TokenB = "authorization-matrix-controller-token-of-organisation-b";
    private EngineFactory engine = null!;
    private TestTenant owner = null!;
    private TestTenant other = null!;
    private string reference = "";
    private Guid openDsrId;
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"authz-{Guid.NewGuid():N}");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Directory.CreateDirectory(folder);
        using var key = RSA.Create(2048);
        var now = TimeProvider.System.GetUtcNow();
        using (var certificate = new System.Security.Cryptography.X509Certificates.CertificateRequest(
                "CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(now.AddDays(-1), now.AddDays(30)))
            await File.WriteAllTextAsync(Path.Combine(folder, "processor.pem"),
                key.ExportPkcs8PrivateKeyPem() + "\n" + certificate.ExportCertificatePem());
        var slugA = $"own-{Guid.NewGuid():N}"[..14];
        var slugB = $"oth-{Guid.NewGuid():N}"[..14];
        engine = await EngineFactory.StartAsync(new Dictionary<string, string?>
        {
            ["Dsar:OpenDsr:Domain"] = "localhost", ["Dsar:OpenDsr:SigningKeyPath"] = Path.Combine(folder, "processor.pem"),
            ["Dsar:OpenDsr:Controllers:ca:Tenant"] = slugA, ["Dsar:OpenDsr:Controllers:ca:TokenSha256"] = Hash(TokenA),
            ["Dsar:OpenDsr:Controllers:cb:Tenant"] = slugB, ["Dsar:OpenDsr:Controllers:cb:TokenSha256"] = Hash(TokenB),
        });
        owner = await TestTenant.CreateAsync(engine, slug: slugA);
        other = await TestTenant.CreateAsync(engine, slug: slugB);
        reference = await RequestDriver.SubmitAsync(engine, owner, "access");
        // A resting state: the workflow waits for the subject's identity, so nothing but a call can change it.
        await TestData.Workflows.WaitForAsync(owner.Staff(engine, "admin"), reference, TestData.Workflows.WaitingFor("identity"),
            "the identity step");
        await RequestDriver.RegisterAsync(owner.Staff(engine, "admin"), "crm", new { actions = new[] { "export" } });
        openDsrId = Guid.NewGuid();
        var created = await Bearer(TokenA).PostAsJsonAsync("/opendsr/v1/requests", new JsonObject
        {
            ["subject_request_id"] = openDsrId.ToString("D"), ["subject_request_type"] = "erasure",
            ["submitted_time"] = "2026-11-20T10:00:00Z",
            ["subject_identities"] = new JsonArray(new JsonObject
            {
                ["identity_type"] = "email", ["identity_value"] = "matrix@example.org", ["identity_format"] = "raw",
            }),
            ["api_version"] = "2.0", ["status_callback_urls"] = new JsonArray(),
        });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await engine.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public void Every_endpoint_has_an_expectation_and_every_expectation_an_endpoint()
    {
        var endpoints = Endpoints().Select(e => e.Key).ToHashSet();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(endpoints.Except(Matrix.Keys).Except(OutOfScope), Is.Empty,
                "endpoints the matrix says nothing about: add them with who may call them");
            Assert.That(Matrix.Keys.Except(endpoints), Is.Empty, "expectations for endpoints that no longer exist");
        }
    }

    [Test]
    public async Task Anonymous_callers_get_401_from_every_endpoint_that_needs_a_credential()
    {
        var failures = new List<string>();
        foreach (var (key, method, route) in Endpoints().Where(e => Matrix.GetValueOrDefault(e.Key) is not (Public or Subject or null)))
            Expect(failures, $"anonymous {key}", await CallAsync(engine.CreateClient(), method, Fill(route, owner)),
                s => s == HttpStatusCode.Unauthorized);
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
    }

    [Test]
    public async Task Each_staff_role_is_let_through_exactly_where_the_matrix_allows_it()
    {
        var failures = new List<string>();
        foreach (var (key, method, route) in Endpoints().Where(e => Matrix.ContainsKey(e.Key)))
        {
            var access = Matrix[key];
            foreach (var role in Roles)
            {
                var status = await CallAsync(owner.Staff(engine, role), method, Fill(route, owner));
                var expected = access switch
                {
                    Public => (Func<HttpStatusCode, bool>)Through,
                    Subject => s => s == HttpStatusCode.Forbidden,
                    ConnectorSignature or Controller => s => s == HttpStatusCode.Unauthorized,
                    _ when Allowed[access].Contains(role) => Through,
                    _ => s => s == HttpStatusCode.Forbidden,
                };
                Expect(failures, $"{role} {key}", status, expected);
            }
        }
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
    }

    [Test]
    public async Task Another_organisations_staff_reach_nothing_of_the_first_and_change_nothing()
    {
        var before = await FootprintAsync();
        var failures = new List<string>();
        foreach (var (key, method, route) in Endpoints()
            .Where(e => Matrix.GetValueOrDefault(e.Key) is StaffRead or StaffWrite or Admin && e.Route.Contains('{')))
        {
            foreach (var role in Allowed[Matrix[key]])
            {
                using var response = await SendAsync(other.Staff(engine, role), method, Fill(route, owner));
                var body = await response.Content.ReadAsStringAsync();
                Expect(failures, $"{other.Slug}'s {role} on {owner.Slug}'s {key}", response.StatusCode,
                    s => method == "GET"
                        ? s == HttpStatusCode.NotFound
                        : (int)s is >= 400 and < 500 && s is not HttpStatusCode.Unauthorized and not HttpStatusCode.Forbidden);
                if (body.Contains(reference, StringComparison.Ordinal) && !route.Contains("{reference}", StringComparison.Ordinal))
                    failures.Add($"{key} answered {other.Slug}'s {role} with {owner.Slug}'s request reference");
            }
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(failures, Is.Empty, string.Join("\n", failures));
            Assert.That(await FootprintAsync(), Is.EqualTo(before), "journal, connectors, register and mail of the first organisation");
        }
    }

    [Test]
    public async Task Collections_show_another_organisations_staff_none_of_the_firsts_records()
    {
        var failures = new List<string>();
        foreach (var (key, method, route) in Endpoints()
            .Where(e => e.Method == "GET" && !e.Route.Contains('{') && Matrix.GetValueOrDefault(e.Key) is StaffRead or Admin))
        {
            using var response = await SendAsync(other.Staff(engine, "admin"), method, route);
            var body = await response.Content.ReadAsStringAsync();
            if (body.Contains(reference, StringComparison.Ordinal) || body.Contains(owner.Slug, StringComparison.Ordinal)
                || body.Contains("\"crm\"", StringComparison.Ordinal))
                failures.Add($"{key} showed {other.Slug}'s admin something of {owner.Slug}");
        }
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
    }

    [Test]
    public async Task OpenDsr_answers_a_controller_about_its_own_requests_only()
    {
        var failures = new List<string>();
        foreach (var (key, method, route) in Endpoints()
            .Where(e => Matrix.GetValueOrDefault(e.Key) == Controller && e.Route.Contains("{id}")))
        {
            // Another organisation's controller learns nothing, not even that the request exists.
            Expect(failures, $"controller B {key}", await CallAsync(Bearer(TokenB), method, Fill(route, owner)),
                s => s == HttpStatusCode.NotFound);
            Expect(failures, $"a forged token {key}", await CallAsync(Bearer("not-a-controller-token"), method, Fill(route, owner)),
                s => s == HttpStatusCode.Unauthorized);
        }
        Expect(failures, "controller A's status", await CallAsync(Bearer(TokenA), "GET", $"/opendsr/v1/requests/{openDsrId:D}"),
            s => s == HttpStatusCode.OK);
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
    }

    private static bool Through(HttpStatusCode s) => s is not HttpStatusCode.Unauthorized and not HttpStatusCode.Forbidden && (int)s < 500;

    private static void Expect(List<string> failures, string what, HttpStatusCode status, Func<HttpStatusCode, bool> expected)
    {
        if (!expected(status))
            failures.Add($"{what}: {(int)status} {status}");
    }

    // The API's endpoints. The inbox (its pages, its live connection, its static files, its sign-out) takes the sign-in
    // cookie instead of keys and checks roles per action: the Inbox tests and the browser tests cover that door. The
    // subject's portal takes its own session cookie and refuses staff keys on every form: the Portal tests cover it.
    private IEnumerable<(string Key, string Method, string Route)> Endpoints() =>
        engine.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith('/') && !raw.StartsWith("/inbox", StringComparison.Ordinal)
                && !raw.StartsWith("/portal", StringComparison.Ordinal)
                && !raw.StartsWith("/_blazor", StringComparison.Ordinal) && !raw.StartsWith("/_framework", StringComparison.Ordinal)
                && !raw.StartsWith("/{**path", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(m => (m, Route(e.RoutePattern.RawText ?? ""))))
            .Select(x => ($"{x.m} {x.Item2}", x.m, x.Item2)).Distinct();

    private static string Route(string raw)
    {
        var route = System.Text.RegularExpressions.Regex.Replace(raw, @"\{(\w+):[^}]+\}", "{$1}");
        route = route.Replace("//", "/", StringComparison.Ordinal);
        return route.Length > 1 ? route.TrimEnd('/') : route;
    }

    // The first organisation's real resources where it has them, well-formed ids where it does not.
    private string Fill(string route, TestTenant tenant) => route
        .Replace("{reference}", reference, StringComparison.Ordinal)
        .Replace("{taskId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{name}", "crm", StringComparison.Ordinal).Replace("{language}", "fr", StringComparison.Ordinal)
        .Replace("{key}", "acme", StringComparison.Ordinal).Replace("{processor}", other.Slug, StringComparison.Ordinal)
        .Replace("{tenant}", tenant.Slug, StringComparison.Ordinal).Replace("{connector}", "crm", StringComparison.Ordinal)
        .Replace("{id}", route.StartsWith("/opendsr", StringComparison.Ordinal) ? openDsrId.ToString("D") : Guid.NewGuid().ToString(),
            StringComparison.Ordinal)
        + ((route.Contains("/pack", StringComparison.Ordinal) || route.Contains("/transmission", StringComparison.Ordinal))
            && !route.Contains("letter", StringComparison.Ordinal)
            ? "?expires=1&token=x&codeId=" + Guid.Empty + "&code=000000"
            : "")
        + (route.EndsWith("/deadlines/preview", StringComparison.Ordinal)
            ? "?regime=gdpr&jurisdiction=FR&receivedAt=2026-01-05T10:00:00Z"
            : "");

    private static async Task<HttpStatusCode> CallAsync(HttpClient client, string method, string path)
    {
        using var response = await SendAsync(client, method, path);
        return response.StatusCode;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        return client.SendAsync(request);
    }

    private HttpClient Bearer(string token)
    {
        var client = engine.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    // What another organisation's calls must leave untouched.
    private async Task<string> FootprintAsync() => string.Join("|",
        await Rows.ScalarAsync<long>(engine,
            "SELECT count(*) FROM request_journal j JOIN requests r ON r.id = j.request_id WHERE r.reference = @reference",
            new { reference }),
        await Rows.ScalarAsync<string>(engine,
            "SELECT coalesce(string_agg(name || ':' || coalesce(updated_at::text, ''), ','), '') FROM connectors WHERE tenant_id = @id",
            new { id = owner.Id }),
        await Rows.ScalarAsync<long>(engine,
            "SELECT count(*) FROM mail_messages m JOIN requests r ON r.id = m.request_id WHERE r.reference = @reference",
            new { reference }),
        await Rows.ScalarAsync<string>(engine,
            "SELECT status || ':' || version FROM requests WHERE reference = @reference", new { reference }),
        await Rows.ScalarAsync<string>(engine,
            "SELECT coalesce(string_agg(updated_at::text, ','), '') FROM processing_registers WHERE tenant_id = @id",
            new { id = owner.Id }));

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
