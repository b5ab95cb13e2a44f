using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DsarEngine.Server.Packs;
using DsarEngine.Server.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Staff;

// docs/operations.md, "Rotating keys": an API key is rotated by overlap (issue the new key, switch the client, revoke the
// old one), and the token key by a restart with a new one (status links already sent keep opening, pack links do not).
public sealed class KeyRotationTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task An_api_key_is_rotated_by_overlap_both_work_until_the_old_is_revoked()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var other = await TestTenant.CreateAsync(Engine);
        var admin = tenant.Staff(Engine, "admin");
        var oldKey = tenant.Keys["agent"];

        var issued = await admin.PostAsJsonAsync("/api/v1/staff/api-keys", new { name = "crm-sync 2026-12", role = "agent" });
        Assert.That(issued.StatusCode, Is.EqualTo(HttpStatusCode.Created), await issued.Content.ReadAsStringAsync());
        var body = await issued.ReadObjectAsync();
        var newKey = (string)body["key"]!;
        var listed = await admin.GetFromJsonAsync<JsonArray>("/api/v1/staff/api-keys");
        var oldId = listed!.Select(k => k!.AsObject()).Single(k => (string)k["name"]! == "agent")["id"]!.ToString();
        var bothDuringOverlap = (await StatusAsync(oldKey), await StatusAsync(newKey));

        var byOther = await other.Staff(Engine, "admin").DeleteAsync($"/api/v1/staff/api-keys/{oldId}");
        var afterForeignRevoke = await StatusAsync(oldKey);
        var revoked = await admin.DeleteAsync($"/api/v1/staff/api-keys/{oldId}");
        var after = (await StatusAsync(oldKey), await StatusAsync(newKey));
        var listedAfter = await admin.GetFromJsonAsync<JsonArray>("/api/v1/staff/api-keys");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(newKey, Does.StartWith("dsar_"));
            Assert.That((string)body["role"]!, Is.EqualTo("agent"));
            Assert.That(bothDuringOverlap, Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)), "both keys work during the overlap");
            Assert.That(byOther.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "another organisation's admin cannot revoke it");
            Assert.That(afterForeignRevoke, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(after, Is.EqualTo((HttpStatusCode.Unauthorized, HttpStatusCode.OK)), "the old key is refused, the new one works");
            Assert.That(listedAfter!.Select(k => k!.AsObject()).Single(k => k["id"]!.ToString() == oldId)["revokedAt"], Is.Not.Null);
            Assert.That(listedAfter!.ToJsonString(), Does.Not.Contain(newKey[^20..]), "the list never shows a secret");
        }
    }

    [Test]
    public async Task Issuing_a_key_is_refused_with_field_errors_and_a_key_cannot_revoke_itself()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var admin = tenant.Staff(Engine, "admin");
        var before = await Rows.CountAsync(Engine, "api_keys", tenant.Id);
        var bad = await admin.PostAsJsonAsync("/api/v1/staff/api-keys", new { name = "", role = "owner" });
        var problem = await bad.ReadObjectAsync();
        var keys = await admin.GetFromJsonAsync<JsonArray>("/api/v1/staff/api-keys");
        var ownId = keys!.Select(k => k!.AsObject()).Single(k => (string)k["name"]! == "admin")["id"]!.ToString();
        var own = await admin.DeleteAsync($"/api/v1/staff/api-keys/{ownId}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "name", "role" }));
            Assert.That(await Rows.CountAsync(Engine, "api_keys", tenant.Id), Is.EqualTo(before), "nothing was issued");
            Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(await StatusAsync(tenant.Keys["admin"]), Is.EqualTo(HttpStatusCode.OK), "the key still works");
        }
    }

    [Test]
    public async Task After_a_token_key_rotation_status_links_already_sent_open_and_pack_links_do_not()
    {
        await using var before = await EngineFactory.StartAsync();
        var tenant = await TestTenant.CreateAsync(before);
        var (reference, token) = await RequestDriver.SubmitWithTokenAsync(before, tenant, "access");
        var requestId = await Rows.ScalarAsync<Guid>(before, "SELECT id FROM requests WHERE reference = @reference", new { reference });
        var expires = TimeProvider.System.GetUtcNow().AddDays(7);
        var packUrl = new Uri(before.Services.GetRequiredService<PackLinks>().Url(requestId, reference, expires));
        var packToken = System.Web.HttpUtility.ParseQueryString(packUrl.Query)["token"];

        await using var after = EngineFactory.Join(before, new Dictionary<string, string?>
        {
            ["Dsar:Security:TokenKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        });
        var status = await after.CreateClient().GetAsync($"/api/v1/requests/{reference}?token={token}");
        var links = after.Services.GetRequiredService<PackLinks>();
        var fresh = await RequestDriver.SubmitWithTokenAsync(after, tenant, "access");
        var freshStatus = await after.CreateClient().GetAsync($"/api/v1/requests/{fresh.Reference}?token={fresh.Token}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the status link sent before the rotation (its hash is stored)");
            Assert.That(before.Services.GetRequiredService<PackLinks>().Valid(requestId, expires.ToUnixTimeSeconds(), packToken,
                TimeProvider.System.GetUtcNow()), Is.True, "the pack link, checked with the key it was made with");
            Assert.That(links.Valid(requestId, expires.ToUnixTimeSeconds(), packToken, TimeProvider.System.GetUtcNow()), Is.False,
                "a pack link made before the rotation no longer opens (derived, never stored)");
            Assert.That(freshStatus.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a request made after the rotation");
        }
    }

    private static async Task<HttpStatusCode> StatusAsync(string key)
    {
        var client = Engine.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return (await client.GetAsync("/api/v1/staff/requests?limit=1")).StatusCode;
    }
}
