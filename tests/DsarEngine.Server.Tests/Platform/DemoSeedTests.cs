using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Demo;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Platform;

// The demo shows the processor role working: a helpdesk SaaS routes one workspace to the demo inbox and refers the other.
public sealed class DemoSeedTests
{
    [Test]
    public async Task The_demo_processor_routes_one_workspace_to_the_demo_inbox_and_refers_the_other_and_seeding_twice_changes_nothing()
    {
        var credentialsFile = Path.Combine(Path.GetTempPath(), $"dsar-demo-{Guid.NewGuid():N}.json");
        await using var engine = await EngineFactory.StartAsync(new Dictionary<string, string?>
        {
            ["Dsar:Demo:Seed"] = "true", ["Dsar:Demo:SampleRequests"] = "6", ["Dsar:Demo:CredentialsFile"] = credentialsFile,
        });
        try
        {
            var keys = JsonNode.Parse(await File.ReadAllTextAsync(credentialsFile))!;
            var processorAdmin = engine.CreateClient();
            processorAdmin.DefaultRequestHeaders.Authorization =
                new AuthenticationHeaderValue("Bearer", (string)keys["processor"]!["apiKeys"]!["admin"]!);
            var referral = Submissions.Valid("helpdesk");
            referral["workspace"] = "globex";
            var referred = await engine.CreateClient().SendAsync(Submissions.Post(referral));

            await engine.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
            var workspaces = await processorAdmin.GetFromJsonAsync<JsonArray>("/api/v1/staff/workspaces");
            var log = await processorAdmin.GetFromJsonAsync<JsonArray>("/api/v1/staff/workspaces/routing-log");
            var keysAfter = JsonNode.Parse(await File.ReadAllTextAsync(credentialsFile))!;
            var demoAdmin = engine.CreateClient();
            demoAdmin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)keys["apiKeys"]!["admin"]!);
            var russian = await demoAdmin.GetFromJsonAsync<JsonObject>("/api/v1/staff/register/ru");
            using (Assert.EnterMultipleScope())
            {
                Assert.That(workspaces!.Select(w => $"{w!["key"]}->{w["customer"] ?? w["contactEmail"]}"),
                    Is.EqualTo(new[] { "demo->demo", "globex->privacy@globex.example" }));
                Assert.That(log!.Select(e => (string)e!["outcome"]!), Is.EquivalentTo(new[] { "forwarded", "referred" }));
                Assert.That(await Rows.CountAsync(engine, "requests", DemoSeeder.TenantId), Is.EqualTo(6));
                Assert.That(await Rows.CountAsync(engine, "requests", DemoSeeder.ProcessorId), Is.Zero);
                Assert.That(referred.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(keysAfter.ToJsonString(), Is.EqualTo(keys.ToJsonString()));
                // The demo's Russian letters are Russian throughout: its register has a Russian translation.
                Assert.That((string)russian!["purposes"]![0]!["purpose"]!, Is.EqualTo("Ведение клиентских учётных записей и заказов"));
            }
        }
        finally
        {
            File.Delete(credentialsFile);
        }
    }

    // The demo's shop (samples/DsarEngine.Samples.Shop) embeds the form from another origin: the demo organisation allows it,
    // also in a database seeded before the shop existed, and an origin an admin added since is kept.
    [Test]
    public async Task The_demo_organisation_allows_the_shop_origin_and_an_earlier_demo_database_gains_it()
    {
        const string shop = "http://localhost:5391";
        await using var engine = await EngineFactory.StartAsync(new Dictionary<string, string?>
        {
            ["Dsar:Demo:Seed"] = "true", ["Dsar:Demo:SampleRequests"] = "0", ["Dsar:Demo:ShopOrigin"] = shop,
        });
        const string OriginsSql = "SELECT allowed_origins FROM tenants WHERE id = @id";
        var seeded = await Rows.ScalarAsync<string[]>(engine, OriginsSql, new { id = DemoSeeder.TenantId });
        await using (var c = new Npgsql.NpgsqlConnection(engine.ConnectionString))
        {
            await c.OpenAsync();
            // What a demo database from before the shop holds, plus an origin its admin allowed in the form settings.
            await using var before = new Npgsql.NpgsqlCommand(
                "UPDATE tenants SET allowed_origins = ARRAY['http://localhost', 'https://www.demo.example'] WHERE id = @id", c);
            before.Parameters.AddWithValue("id", DemoSeeder.TenantId);
            Assert.That(await before.ExecuteNonQueryAsync(), Is.EqualTo(1));
        }
        await engine.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        var upgraded = await Rows.ScalarAsync<string[]>(engine, OriginsSql, new { id = DemoSeeder.TenantId });
        await engine.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        var again = await Rows.ScalarAsync<string[]>(engine, OriginsSql, new { id = DemoSeeder.TenantId });
        await engine.Services.GetRequiredService<OriginAllowList>().RefreshAsync(CancellationToken.None);
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/requests");
        preflight.Headers.Add("Origin", shop);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        var cors = await engine.CreateClient().SendAsync(preflight);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(seeded, Is.EqualTo(new[] { "http://localhost", shop }));
            Assert.That(upgraded, Is.EqualTo(new[] { "http://localhost", shop, "https://www.demo.example" }));
            Assert.That(again, Is.EqualTo(upgraded));
            Assert.That(cors.Headers.TryGetValues("Access-Control-Allow-Origin", out var allowed) ? allowed : [],
                Is.EqualTo(new[] { shop }));
        }
    }

    // Security review L8 and L11: the credentials file is the owner's alone from its first byte, names the bus user a
    // downstream listener of the demo organisation gets and the demo OpenDSR controller; a revoked key stays revoked.
    [Test]
    public async Task The_credentials_file_is_private_and_complete_and_a_revoked_key_is_replaced_not_revived()
    {
        var credentialsFile = Path.Combine(Path.GetTempPath(), $"dsar-demo-{Guid.NewGuid():N}.json");
        await using var engine = await EngineFactory.StartAsync(new Dictionary<string, string?>
        {
            ["Dsar:Demo:Seed"] = "true", ["Dsar:Demo:SampleRequests"] = "0", ["Dsar:Demo:CredentialsFile"] = credentialsFile,
            ["Dsar:Demo:ErasureListenerUrl"] = "amqp://demo.recommendations:pw@127.0.0.1:5672/",
            ["Dsar:Demo:OpenDsrToken"] = "controller-token",
        });
        try
        {
            var keys = JsonNode.Parse(await File.ReadAllTextAsync(credentialsFile))!;
            var revoked = (string)keys["apiKeys"]!["admin"]!;
            await using (var c = new Npgsql.NpgsqlConnection(engine.ConnectionString))
            {
                await c.OpenAsync();
                await using var revoke = new Npgsql.NpgsqlCommand("UPDATE api_keys SET revoked_at = now() WHERE name = 'demo-admin'", c);
                Assert.That(await revoke.ExecuteNonQueryAsync(), Is.EqualTo(1));
            }
            await engine.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
            var after = JsonNode.Parse(await File.ReadAllTextAsync(credentialsFile))!;
            var fresh = (string)after["apiKeys"]!["admin"]!;
            async Task<HttpStatusCode> Use(string key)
            {
                var client = engine.CreateClient();
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
                return (await client.GetAsync("/api/v1/staff/connectors")).StatusCode;
            }
            using (Assert.EnterMultipleScope())
            {
                if (!OperatingSystem.IsWindows())
                    Assert.That(File.GetUnixFileMode(credentialsFile), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
                Assert.That((string)after["bus"]!["erasureListenerUrl"]!, Is.EqualTo("amqp://demo.recommendations:pw@127.0.0.1:5672/"));
                Assert.That((string)after["opendsr"]!["token"]!, Is.EqualTo("controller-token"));
                Assert.That((string)after["opendsr"]!["tenant"]!, Is.EqualTo("helpdesk"));
                Assert.That(fresh, Is.Not.EqualTo(revoked));
                Assert.That(await Use(revoked), Is.EqualTo(HttpStatusCode.Unauthorized));
                Assert.That(await Use(fresh), Is.EqualTo(HttpStatusCode.OK));
            }
        }
        finally
        {
            File.Delete(credentialsFile);
        }
    }
}
