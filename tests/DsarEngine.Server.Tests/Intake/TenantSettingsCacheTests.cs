using System.Net;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Intake;

// Intake keeps each organisation's settings in memory (TenantCache) and proves them current in the transaction that stores
// the request. A change made behind this engine's back (another node, an operator's SQL) must still frame the next request.
public sealed class TenantSettingsCacheTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task A_request_after_a_settings_change_made_elsewhere_is_framed_with_the_new_settings()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var client = Engine.CreateClient();
        var first = await client.SendAsync(Submissions.Post(Submissions.Valid(tenant.Slug)));
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));

        await Rows.ScalarAsync<int>(Engine, "UPDATE tenants SET time_zone = 'Pacific/Auckland' WHERE id = @id RETURNING 1",
            new { id = tenant.Id });
        var second = await client.SendAsync(Submissions.Post(Submissions.Valid(tenant.Slug)));
        var reference = (string)(await second.ReadObjectAsync())["reference"]!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(await Rows.ScalarAsync<string>(Engine, "SELECT time_zone FROM requests WHERE reference = @reference",
                new { reference }), Is.EqualTo("Pacific/Auckland"));
            Assert.That(await Rows.CountAsync(Engine, "requests", tenant.Id), Is.EqualTo(2));
        }
    }

    [Test]
    public async Task A_website_allowed_elsewhere_after_a_refusal_is_accepted_at_once()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var client = Engine.CreateClient();
        var refused = await client.SendAsync(WithOrigin(Submissions.Post(Submissions.Valid(tenant.Slug)), "https://new.example.org"));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        await Rows.ScalarAsync<int>(Engine,
            "UPDATE tenants SET allowed_origins = array_append(allowed_origins, 'https://new.example.org') WHERE id = @id RETURNING 1",
            new { id = tenant.Id });
        var accepted = await client.SendAsync(WithOrigin(Submissions.Post(Submissions.Valid(tenant.Slug)), "https://new.example.org"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(await Rows.CountAsync(Engine, "requests", tenant.Id), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task A_website_removed_elsewhere_is_refused_at_once_and_nothing_is_stored()
    {
        var tenant = await TestTenant.CreateAsync(Engine, allowedOrigins: ["https://old.example.org"]);
        var client = Engine.CreateClient();
        var accepted = await client.SendAsync(WithOrigin(Submissions.Post(Submissions.Valid(tenant.Slug)), "https://old.example.org"));
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));

        await Rows.ScalarAsync<int>(Engine, "UPDATE tenants SET allowed_origins = '{}' WHERE id = @id RETURNING 1", new { id = tenant.Id });
        var refused = await client.SendAsync(WithOrigin(Submissions.Post(Submissions.Valid(tenant.Slug)), "https://old.example.org"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await Rows.CountAsync(Engine, "requests", tenant.Id), Is.EqualTo(1));
        }
    }

    private static HttpRequestMessage WithOrigin(HttpRequestMessage message, string origin)
    {
        message.Headers.Add("Origin", origin);
        return message;
    }
}
