using System.Net;
using DsarEngine.Server.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Platform;

public sealed class CorsAndHeadersTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static async Task<TestTenant> TenantWithOriginAsync(string origin)
    {
        var tenant = await TestTenant.CreateAsync(Engine, [origin]);
        await Engine.Services.GetRequiredService<DsarEngine.Server.Platform.OriginAllowList>().RefreshAsync(CancellationToken.None);
        return tenant;
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var message = new HttpRequestMessage(HttpMethod.Options, "/api/v1/requests");
        message.Headers.Add("Origin", origin);
        message.Headers.Add("Access-Control-Request-Method", "POST");
        message.Headers.Add("Access-Control-Request-Headers", "content-type,idempotency-key");
        return message;
    }

    [Test]
    public async Task A_tenants_own_website_may_call_the_public_api_from_a_browser()
    {
        await TenantWithOriginAsync("https://shop.example.com");
        var response = await Engine.CreateClient().SendAsync(Preflight("https://shop.example.com"));
        Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { "https://shop.example.com" }));
    }

    [Test]
    public async Task Another_website_gets_no_cors_permission()
    {
        var response = await Engine.CreateClient().SendAsync(Preflight("https://evil.example.net"));
        Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }

    [Test]
    public async Task A_website_allowed_for_one_tenant_cannot_submit_for_another()
    {
        await TenantWithOriginAsync("https://one.example.com");
        var other = await TestTenant.CreateAsync(Engine);
        var message = Submissions.Post(Submissions.Valid(other.Slug));
        message.Headers.Add("Origin", "https://one.example.com");
        var response = await Engine.CreateClient().SendAsync(message);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((string)(await response.ReadObjectAsync())["type"]!, Is.EqualTo("urn:dsar:problem:origin-not-allowed"));
            Assert.That(await Rows.CountAsync(Engine, "requests", other.Id), Is.Zero);
        }
    }

    [Test]
    public async Task Responses_carry_security_headers_and_status_is_never_cached()
    {
        var response = await Engine.CreateClient().GetAsync("/api/v1/requests/DSR-0000-0000-0000?token=x");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.StartWith("default-src 'none'"));
            Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
            Assert.That(response.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"));
            Assert.That(response.Headers.CacheControl!.NoStore, Is.True);
        }
    }
}
