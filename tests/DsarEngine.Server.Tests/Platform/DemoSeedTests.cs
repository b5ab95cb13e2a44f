using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Demo;
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
            processorAdmin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)keys["processor"]!["apiKeys"]!["admin"]!);
            var referral = Submissions.Valid("helpdesk");
            referral["workspace"] = "globex";
            var referred = await engine.CreateClient().SendAsync(Submissions.Post(referral));

            await engine.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
            var workspaces = await processorAdmin.GetFromJsonAsync<JsonArray>("/api/v1/staff/workspaces");
            var log = await processorAdmin.GetFromJsonAsync<JsonArray>("/api/v1/staff/workspaces/routing-log");
            var keysAfter = JsonNode.Parse(await File.ReadAllTextAsync(credentialsFile))!;
            using (Assert.EnterMultipleScope())
            {
                Assert.That(workspaces!.Select(w => $"{w!["key"]}->{w["customer"] ?? w["contactEmail"]}"), Is.EqualTo(new[] { "demo->demo", "globex->privacy@globex.example" }));
                Assert.That(log!.Select(e => (string)e!["outcome"]!), Is.EquivalentTo(new[] { "forwarded", "referred" }));
                Assert.That(await Rows.CountAsync(engine, "requests", DemoSeeder.TenantId), Is.EqualTo(6));
                Assert.That(await Rows.CountAsync(engine, "requests", DemoSeeder.ProcessorId), Is.Zero);
                Assert.That(referred.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(keysAfter.ToJsonString(), Is.EqualTo(keys.ToJsonString()));
            }
        }
        finally
        {
            File.Delete(credentialsFile);
        }
    }
}
