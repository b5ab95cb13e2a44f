using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Workflows;

public sealed class VersionPinningTests
{
    private const string V1 = """
        { "id": "access", "version": 1, "rights": ["access"], "clock": { "remindDaysBefore": [7], "escalateDaysAfter": 0 },
          "steps": [ { "id": "assess", "type": "assess" }, { "id": "deliver", "type": "deliver" }, { "id": "close", "type": "close" } ] }
        """;

    // Version 2 adds a legal review before delivery.
    private const string V2 = """
        { "id": "access", "version": 2, "rights": ["access"], "clock": { "remindDaysBefore": [7], "escalateDaysAfter": 0 },
          "steps": [ { "id": "assess", "type": "assess" }, { "id": "legal", "type": "review", "required": true },
                     { "id": "deliver", "type": "deliver" }, { "id": "close", "type": "close" } ] }
        """;

    // An engine on a definitions folder holding v1 only, with one request waiting at v1's assessment.
    private static async Task<(string Folder, Dictionary<string, string?> Settings, EngineFactory Engine, TestTenant Tenant,
        string Old)> StartOnV1Async()
    {
        var folder = Directory.CreateTempSubdirectory("dsar-defs").FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "workflows", "definition.schema.json"),
            Path.Combine(folder, "definition.schema.json"));
        File.WriteAllText(Path.Combine(folder, "access.json"), V1);
        var settings = new Dictionary<string, string?>
        {
            ["Dsar:Runtime:DefinitionsPath"] = folder, ["Dsar:Runtime:PollMilliseconds"] = "200",
        };
        var engine = await EngineFactory.StartAsync(settings);
        var tenant = await TestTenant.CreateAsync(engine);
        var old = await SubmitAsync(engine, tenant);
        await TestData.Workflows.WaitForAsync(tenant.Staff(engine, "agent"), old, TestData.Workflows.WaitingFor("decision:assess"),
            "the assessment (v1)");
        return (folder, settings, engine, tenant, old);
    }

    private static async Task<string> SubmitAsync(EngineFactory engine, TestTenant tenant) =>
        (string)(await (await engine.CreateClient().SendAsync(Submissions.Post(Submissions.Valid(tenant.Slug))))
            .ReadObjectAsync())["reference"]!;

    // v2 published as access.json, v1 kept beside it under another name (as an upgrade must while instances use it).
    private static void PublishV2(string folder)
    {
        File.Move(Path.Combine(folder, "access.json"), Path.Combine(folder, "access.v1.json"));
        File.WriteAllText(Path.Combine(folder, "access.json"), V2);
    }

    [Test]
    public async Task Publishing_a_new_version_never_changes_a_running_instance()
    {
        var (folder, settings, engine, tenant, old) = await StartOnV1Async();
        await using var before = engine;

        // Publish v2 beside v1 and bring up an engine that has both.
        PublishV2(folder);
        await using var after = EngineFactory.Join(before, settings);
        var staff = tenant.Staff(after, "privacy-officer");
        var fresh = await SubmitAsync(after, tenant);
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{old}/decisions", new { step = "assess", outcome = "proceed" });
        var oldView = await TestData.Workflows.WaitForAsync(staff, old, TestData.Workflows.Closed,
            "the v1 instance to close without the new review");
        var freshView = await TestData.Workflows.WaitForAsync(staff, fresh, TestData.Workflows.WaitingFor("decision:assess"),
            "the v2 instance");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)oldView["definition"]!, Is.EqualTo("access@1"));
            Assert.That((string)freshView["definition"]!, Is.EqualTo("access@2"));
        }
        Directory.Delete(folder, recursive: true);
    }

    // docs/operations.md, "Upgrading": which versions an upgrade must keep, as the staff API shows them, and what a node
    // shows once an old file was removed too early.
    [Test]
    public async Task The_versions_in_use_show_which_old_definition_an_upgrade_must_keep()
    {
        var (folder, settings, engine, tenant, old) = await StartOnV1Async();
        await using var before = engine;
        PublishV2(folder);
        await using var after = EngineFactory.Join(before, settings);
        var staff = tenant.Staff(after, "privacy-officer");
        var fresh = await SubmitAsync(after, tenant);
        await TestData.Workflows.WaitForAsync(staff, fresh, TestData.Workflows.WaitingFor("decision:assess"), "the v2 instance");
        var both = await VersionsAsync(staff);

        // v1 removed while an instance still runs on it: a node started so shows it in use and not loaded.
        File.Delete(Path.Combine(folder, "access.v1.json"));
        JsonObject tooEarly;
        await using (var removed = EngineFactory.Join(before, settings))
            tooEarly = (await VersionsAsync(tenant.Staff(removed, "auditor")))["access@1"];
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{old}/decisions", new { step = "assess", outcome = "proceed" });
        await TestData.Workflows.WaitForAsync(staff, old, TestData.Workflows.Closed, "the v1 instance to close");
        var done = await VersionsAsync(staff);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Shape(both["access@1"]), Is.EqualTo((true, false, 1L)), "v1: loaded, not current, one open instance");
            Assert.That(Shape(both["access@2"]), Is.EqualTo((true, true, 1L)), "v2: loaded, current, one open instance");
            Assert.That(Shape(tooEarly), Is.EqualTo((false, false, 1L)), "v1 removed too early: in use and not loaded");
            Assert.That(Shape(done["access@1"]), Is.EqualTo((true, false, 0L)), "v1 no longer in use: its file may go");
        }
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<Dictionary<string, JsonObject>> VersionsAsync(HttpClient staff) =>
        (await staff.GetFromJsonAsync<JsonArray>("/api/v1/staff/workflow-versions"))!.Select(v => v!.AsObject())
            .ToDictionary(v => (string)v["definition"]!);

    private static (bool Loaded, bool Current, long Open) Shape(JsonObject v) =>
        ((bool)v["loaded"]!, (bool)v["current"]!, (long)v["open"]!);
}
