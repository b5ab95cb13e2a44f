using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Demo;

// What eng/run.sh shows a newcomer: the demo organisation with its sample systems, and a processor routing to it.
public sealed class DemoSystemsTests
{
    [Test]
    public async Task
        The_demo_registers_every_sample_system_and_a_processor_whose_workspace_routes_to_it_and_a_second_start_changes_nothing()
    {
        var credentials = Path.Combine(Path.GetTempPath(), $"dsar-demo-{Guid.NewGuid():N}.json");
        var settings = new Dictionary<string, string?>
        {
            ["Dsar:Demo:Seed"] = "true", ["Dsar:Demo:SampleConnectors"] = "true", ["Dsar:Demo:CredentialsFile"] = credentials,
            ["Dsar:Demo:SampleRequests"] = "2",
        };
        await using var engine = await EngineFactory.StartAsync(settings);
        await using var again = EngineFactory.Join(engine, settings);
        var admin = engine.CreateClient();
        var key = (string)JsonNode.Parse(await File.ReadAllTextAsync(credentials))!["apiKeys"]!["admin"]!;
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var connectors = await admin.GetFromJsonAsync<JsonArray>("/api/v1/staff/connectors");
        var body = Submissions.Valid("helpdesk", "access");
        body["workspace"] = "demo";
        var routed = await engine.CreateClient().SendAsync(Submissions.Post(body));
        var reference = (string)(await routed.ReadObjectAsync())["reference"]!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(connectors!.Select(c => ((string)c!["name"]!, (string)c["kind"]!)), Is.EquivalentTo(new[]
            {
                ("crm", "bus"), ("billing", "bus"), ("support-desk", "bus"), ("newsletter", "http"), ("paper-archive", "manual"),
            }));
            Assert.That(routed.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That((await admin.GetAsync($"/api/v1/staff/requests/{reference}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await Rows.ScalarAsync<long>(engine, "SELECT count(*) FROM workspaces", new { }), Is.EqualTo(2));
        }
        File.Delete(credentials);
    }

    // The README opens with signing in to the demo: one person per role, with the password the credentials file gives,
    // kept across restarts (the second start finds them and changes nothing).
    [Test]
    public async Task The_demo_seeds_one_person_per_role_who_can_sign_in_with_the_printed_password_after_a_restart()
    {
        var credentials = Path.Combine(Path.GetTempPath(), $"dsar-demo-{Guid.NewGuid():N}.json");
        var settings = new Dictionary<string, string?>
        {
            ["Dsar:Demo:Seed"] = "true", ["Dsar:Demo:CredentialsFile"] = credentials, ["Dsar:Demo:SampleRequests"] = "0",
        };
        await using var engine = await EngineFactory.StartAsync(settings);
        await using var again = EngineFactory.Join(engine, settings);
        var users = JsonNode.Parse(await File.ReadAllTextAsync(credentials))!["users"]!.AsObject();
        var outcomes = new Dictionary<string, HttpStatusCode>();
        foreach (var (role, user) in users)
        {
            var response = await InboxSession.SignInAsync(InboxSession.Browser(again), "demo", (string)user!["email"]!,
                (string)user["password"]!);
            outcomes[role] = response.StatusCode;
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcomes.Keys, Is.EquivalentTo(new[] { "admin", "privacy-officer", "agent", "auditor" }));
            Assert.That(outcomes.Values, Has.All.EqualTo(HttpStatusCode.Redirect));
            // eng/run.sh prints the passwords straight from the file: nothing in them may be JSON-escaped there.
            Assert.That(await File.ReadAllTextAsync(credentials), Does.Not.Contain("\\u"));
            Assert.That(await Rows.ScalarAsync<long>(engine, "SELECT count(*) FROM staff_users", new { }), Is.EqualTo(4));
        }
        File.Delete(credentials);
    }
}
