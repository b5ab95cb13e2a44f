using System.Net.Http.Json;
using System.Security.Cryptography;
using Dapper;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DsarEngine.Server.Tests.Packs;

// Packs rendered by a separate process: an engine started as "engine" renders nothing itself; the render command waits
// in its durable queue while no renderer runs, and a "pack-renderer" process (the same binary) renders it on start,
// or after being killed mid-work and started again.
public sealed class PackWorkerTests
{
    private static readonly Dictionary<string, string> Keys = new()
    {
        ["Dsar:Security:TokenKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Dsar:Security:DataKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };

    private static Task<EngineFactory> EngineAsync() =>
        EngineFactory.StartAsync(new Dictionary<string, string?>(Keys.Select(k => KeyValuePair.Create(k.Key, (string?)k.Value)))
        {
            ["Dsar:Role"] = "engine",
        });

    private static Task<EngineProcess> RendererAsync(EngineFactory engine, int renders = 2) =>
        EngineProcess.StartAsync(new Dictionary<string, string>(Keys)
        {
            ["Dsar:Role"] = "pack-renderer",
            ["Dsar:Database:ConnectionString"] = engine.ConnectionString,
            ["Dsar:Bus:Url"] = TestDatabase.AmqpUrl,
            ["Dsar:Bus:EndpointPrefix"] = new NpgsqlConnectionStringBuilder(engine.ConnectionString).Database + "-",
            ["Dsar:Pdf:MaxConcurrentRenders"] = renders.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    // Post-mortem instructions reach render-pack without connectors: identity, assessment, then the pack.
    private static async Task<string> ToPackAsync(EngineFactory engine, TestTenant tenant, HttpClient staff)
    {
        var reference = await RequestDriver.SubmitAsync(engine, tenant, "post-mortem-instructions");
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("identity"), "the identity step");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/identity", new { evidence = "Matched the account e-mail." });
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:assess"), "the assessment");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions", new { step = "assess", outcome = "proceed" });
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("pack"), "the render-pack step");
        return reference;
    }

    [Test]
    public async Task An_engine_leaves_packs_to_a_separate_renderer_process_and_the_pack_waits_for_it_while_it_is_down()
    {
        await using var engine = await EngineAsync();
        var tenant = await TestTenant.CreateAsync(engine);
        var staff = tenant.Staff(engine, "privacy-officer");
        var reference = await ToPackAsync(engine, tenant, staff);
        await WaitUntilRelayedAsync(engine.ConnectionString, 1);
        var waiting = await staff.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/v1/staff/requests/{reference}/workflow");

        await using var renderer = await RendererAsync(engine);
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:review"),
            "the review, once the worker rendered the pack");
        var letter = await staff.GetAsync($"/api/v1/staff/requests/{reference}/pack/letter.pdf");
        var (text, _, _) = await Poppler.ReadAsync(await letter.Content.ReadAsByteArrayAsync());
        using var health = new HttpClient { BaseAddress = renderer.BaseAddress };
        var api = await health.GetAsync("/api/v1/staff/requests");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)waiting!["waitingFor"], Is.EqualTo("pack"), "the command was sent, and the pack waited");
            Assert.That(engine.Services.GetRequiredService<DsarEngine.Server.Packs.PdfRenderer>().Launches, Is.Zero,
                "the engine never started a browser");
            Assert.That(text, Does.Contain(reference).And.Contain("directives"));
            Assert.That(api.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NotFound), "a renderer serves no API, only /health");
            Assert.That((await health.GetAsync("/health/ready")).StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task A_renderer_killed_mid_work_and_started_again_renders_every_pack()
    {
        await using var engine = await EngineAsync();
        var tenant = await TestTenant.CreateAsync(engine);
        var staff = tenant.Staff(engine, "privacy-officer");
        var references = new List<string>();
        for (var n = 0; n < 12; n++)
            references.Add(await ToPackAsync(engine, tenant, staff));
        await WaitUntilRelayedAsync(engine.ConnectionString, references.Count);

        var renderer = await RendererAsync(engine, renders: 1);
        await WaitForRenderedAsync(engine.ConnectionString, atLeast: 1);
        renderer.Kill();
        await renderer.DisposeAsync();
        var renderedAtKill = await RenderedAsync(engine.ConnectionString);

        await using var again = await RendererAsync(engine, renders: 1);
        foreach (var reference in references)
            await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:review"),
                $"the review of {reference}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(renderedAtKill, Is.LessThan(references.Count), "killed before it had rendered every pack");
            Assert.That(await RenderedAsync(engine.ConnectionString), Is.EqualTo(references.Count),
                "each request's workflow took one rendered pack");
        }
    }

    [Test]
    public async Task A_pack_that_cannot_be_rendered_reaches_a_person_after_the_last_retry_instead_of_an_error_queue()
    {
        await using var engine = await EngineFactory.StartAsync(new Dictionary<string, string?>
        {
            ["Dsar:Pdf:ChromiumPath"] = "/nonexistent/chromium", ["Dsar:Packs:RenderRetries"] = "0",
        });
        var tenant = await TestTenant.CreateAsync(engine);
        var staff = tenant.Staff(engine, "privacy-officer");
        var reference = await ToPackAsync(engine, tenant, staff);
        var view = await TestData.Workflows.WaitForAsync(staff, reference, v => (string)v["status"]! == "needs-attention",
            "the failed render reported to the workflow");
        var request = await staff.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/v1/staff/requests/{reference}");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/extension", new { reason = "Many systems." });
        var failedNotices = await WaitForCountAsync(engine.ConnectionString,
            "SELECT count(*) FROM request_journal WHERE kind = 'notice-not-rendered'", 1);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)view["lastError"], Does.Contain("could not be rendered").And.Contain("PlaywrightException"));
            Assert.That((string)request!["status"]!, Is.EqualTo("needs-attention"));
            Assert.That(failedNotices, Is.EqualTo(1), "a notice that cannot be rendered is journaled, not lost in an error queue");
        }
    }

    // The render commands have left the outbox for the broker (so only a consumer on the queue can take them from here).
    private static async Task WaitUntilRelayedAsync(string connectionString, int commands)
    {
        await using var c = new NpgsqlConnection(connectionString);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (await c.ExecuteScalarAsync<int>(
                "SELECT count(*) FROM outbox WHERE message_type LIKE '%RenderResponsePack' AND sent_at IS NOT NULL") == commands)
                return;
            await Task.Delay(50);
        }
        Assert.Fail($"The {commands} render commands never left the outbox.");
    }

    // Requests whose workflow recorded its rendered pack (a pack stored but not yet signalled is not counted).
    private const string RenderedSql = "SELECT count(DISTINCT request_id) FROM request_journal WHERE kind = 'pack-rendered'";

    private static async Task<int> RenderedAsync(string connectionString)
    {
        await using var c = new NpgsqlConnection(connectionString);
        return await c.ExecuteScalarAsync<int>(RenderedSql);
    }

    private static async Task WaitForRenderedAsync(string connectionString, int atLeast) =>
        Assert.That(await WaitForCountAsync(connectionString, RenderedSql, atLeast), Is.GreaterThanOrEqualTo(atLeast),
            "no pack rendered within 60 s");

    // Polls a count until it reaches atLeast (or 60 s pass); returns the last count read.
    private static async Task<int> WaitForCountAsync(string connectionString, string sql, int atLeast)
    {
        await using var c = new NpgsqlConnection(connectionString);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var count = await c.ExecuteScalarAsync<int>(sql);
        while (count < atLeast && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(20);
            count = await c.ExecuteScalarAsync<int>(sql);
        }
        return count;
    }
}
