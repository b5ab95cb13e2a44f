using System.Net;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Platform;

// Budgets on the public edge. The test server lets each client be given its TCP peer address, as Kestrel would see it;
// 10.9.9.9 and fd00:9::/32 are this engine's trusted proxies.
public sealed class RateLimitTests
{
    private static EngineFactory engine = null!;

    [OneTimeSetUp]
    public async Task StartEngine() => engine = await EngineFactory.StartAsync(new Dictionary<string, string?>
    {
        ["Dsar:Intake:PublicPermitsPerMinute"] = "2",
        ["Dsar:RateLimits:TenantIntakePermitsPerMinute"] = "3",
        ["Dsar:RateLimits:OpenDsrPermitsPerMinute"] = "2",
        ["Dsar:RateLimits:CallbackPermitsPerMinute"] = "2",
        ["Dsar:RateLimits:CodePermitsPerMinute"] = "2",
        ["Dsar:Network:KnownProxies:0"] = "10.9.9.9",
        ["Dsar:Network:KnownNetworks:0"] = "fd00:9::/32",
    });

    [OneTimeTearDown]
    public async Task StopEngine() => await engine.DisposeAsync();

    private static HttpClient From(string peer) =>
        new(engine.Server.CreateHandler(c => c.Connection.RemoteIpAddress = IPAddress.Parse(peer)))
        {
            BaseAddress = engine.Server.BaseAddress,
        };

    private static async Task<HttpStatusCode> SubmitAsync(HttpClient client, TestTenant tenant, string? forwardedFor = null)
    {
        var message = Submissions.Post(Submissions.Valid(tenant.Slug));
        if (forwardedFor is not null)
            message.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await client.SendAsync(message)).StatusCode;
    }

    [Test]
    public async Task A_client_over_its_budget_gets_429_with_retry_after_and_nothing_is_stored()
    {
        var tenant = await TestTenant.CreateAsync(engine);
        var client = From("192.0.2.1");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await client.SendAsync(Submissions.Post(Submissions.Valid(tenant.Slug)));
            statuses.Add(last.StatusCode);
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests }));
            Assert.That((string)(await last.ReadObjectAsync())["type"]!, Is.EqualTo("urn:dsar:problem:rate-limited"));
            Assert.That(last.Headers.RetryAfter, Is.Not.Null);
            Assert.That(await Rows.CountAsync(engine, "requests", tenant.Id), Is.EqualTo(2));
        }
    }

    [Test]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_budget_and_an_untrusted_peers_header_is_ignored()
    {
        var (first, second, third) =
            (await TestTenant.CreateAsync(engine), await TestTenant.CreateAsync(engine), await TestTenant.CreateAsync(engine));
        var proxy = From("10.9.9.9");
        var alice = new[]
        {
            await SubmitAsync(proxy, first, "203.0.113.1"), await SubmitAsync(proxy, first, "203.0.113.1"),
            await SubmitAsync(proxy, first, "203.0.113.1"),
        };
        var bob = await SubmitAsync(proxy, second, "203.0.113.2");
        // A proxy in the trusted range, over IPv6, names the client the same way.
        var viaSixProxy = await SubmitAsync(From("fd00:9::1"), second, "203.0.113.3");
        // Anyone else may write X-Forwarded-For too: a fresh value each time must not buy a fresh budget.
        var stranger = From("198.51.100.7");
        var spoofed = new[]
        {
            await SubmitAsync(stranger, third, "203.0.113.10"), await SubmitAsync(stranger, third, "203.0.113.11"),
            await SubmitAsync(stranger, third, "203.0.113.12"),
        };
        using (Assert.EnterMultipleScope())
        {
            Assert.That(alice, Is.EqualTo(new[] { HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests }));
            Assert.That(bob, Is.EqualTo(HttpStatusCode.Accepted), "another client behind the same proxy has its own budget");
            Assert.That(viaSixProxy, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(spoofed, Is.EqualTo(new[] { HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests }));
        }
    }

    [Test]
    public async Task Addresses_in_one_IPv6_slash_64_share_a_budget_and_an_IPv4_mapped_address_counts_as_its_IPv4_address()
    {
        var (six, four) = (await TestTenant.CreateAsync(engine), await TestTenant.CreateAsync(engine));
        var sameSlash64 = new[]
        {
            await SubmitAsync(From("2001:db8:1:2::1"), six), await SubmitAsync(From("2001:db8:1:2:aaaa:bbbb:cccc:dddd"), six),
            await SubmitAsync(From("2001:db8:1:2::ffff"), six),
        };
        var nextSlash64 = await SubmitAsync(From("2001:db8:1:3::1"), six);
        var mapped = new[]
        {
            await SubmitAsync(From("192.0.2.77"), four), await SubmitAsync(From("::ffff:192.0.2.77"), four),
            await SubmitAsync(From("192.0.2.77"), four),
        };
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sameSlash64,
                Is.EqualTo(new[] { HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests }));
            Assert.That(nextSlash64, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(mapped, Is.EqualTo(new[] { HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests }));
        }
    }

    [Test]
    public async Task One_organisations_form_is_bounded_however_many_addresses_submit_and_others_are_not_affected()
    {
        var (busy, other) = (await TestTenant.CreateAsync(engine), await TestTenant.CreateAsync(engine));
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 4; i++)
            statuses.Add(await SubmitAsync(From($"198.51.100.{100 + i}"), busy));
        var refused = await From("198.51.100.110").SendAsync(Submissions.Post(Submissions.Valid(busy.Slug)));
        var elsewhere = await SubmitAsync(From("198.51.100.111"), other);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(statuses, Is.EqualTo(new[]
            {
                HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests,
            }));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That((string)(await refused.ReadObjectAsync())["type"]!, Is.EqualTo("urn:dsar:problem:rate-limited"));
            Assert.That(refused.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
            Assert.That(await Rows.CountAsync(engine, "requests", busy.Id), Is.EqualTo(3));
            Assert.That(elsewhere, Is.EqualTo(HttpStatusCode.Accepted));
        }
    }

    // Every unauthenticated door that is not intake: OpenDSR, both kinds of callback, the identity and pack code endpoints.
    [TestCase("GET", "/opendsr/v1/discovery", "192.0.2.201")]
    [TestCase("GET", "/opendsr/v1/requests/00000000-0000-4000-8000-000000000000", "192.0.2.202")]
    [TestCase("POST", "/opendsr/v1/callbacks/some-org/some-processor", "192.0.2.203")]
    [TestCase("POST", "/api/v1/connectors/http/some-org/some-saas/tasks/00000000-0000-4000-8000-000000000000/result", "192.0.2.204")]
    [TestCase("POST", "/api/v1/requests/DSR-2026-ABCDEF/identity", "192.0.2.205")]
    [TestCase("POST", "/api/v1/requests/DSR-2026-ABCDEF/pack/code?expires=1&token=x", "192.0.2.206")]
    [TestCase("GET", "/api/v1/requests/DSR-2026-ABCDEF/pack?expires=1&token=x&codeId=00000000-0000-4000-8000-000000000000&code=123456",
        "192.0.2.207")]
    public async Task An_edge_endpoint_answers_429_past_its_budget(string method, string path, string peer)
    {
        var client = From(peer);
        Task<HttpResponseMessage> SendAsync() => client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? Submissions.Json(new System.Text.Json.Nodes.JsonObject()) : null,
        });
        var within = new[] { (await SendAsync()).StatusCode, (await SendAsync()).StatusCode };
        var over = await SendAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(within, Has.None.EqualTo(HttpStatusCode.TooManyRequests).And.None.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(over.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(over.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(over.Headers.RetryAfter, Is.Not.Null);
        }
    }
}
