using System.Text.Json;
using DsarEngine.Connectors;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Connectors;

// Exports travel as chunks on the real broker and are accepted only whole and matching their digest.
public sealed class ExportClaimCheckTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task An_export_in_many_chunks_is_reassembled_checked_and_readable_by_staff()
    {
        await using var connector = await ExportingConnector.StartAsync($"exp-{Guid.NewGuid():N}"[..14]);
        connector.Document = task => ExportingConnector.Sample(task.Connector, 200);
        var tenant = await TestTenant.CreateAsync(Engine);
        await connector.ServeAsync(tenant.Slug);
        await RequestDriver.RegisterAsync(tenant.Staff(Engine, "admin"), connector.Name, new { actions = new[] { "export" } });
        var staff = tenant.Staff(Engine, "privacy-officer");
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "access");
        await RequestDriver.ToFanOutAsync(staff, reference);
        var after = await TestData.Workflows.WaitForAsync(staff, reference, v => (string?)v["waitingFor"] != "connectors", "the export");
        var task = RequestDriver.Task(after, connector.Name);
        var document = JsonSerializer.Deserialize<ExportDocument>(
            await staff.GetStringAsync($"/api/v1/staff/requests/{reference}/tasks/{(string)task["taskId"]!}/export"), ExportUpload.Json)!;
        var chunks = await Rows.CountAsync(Engine, "connector_exports", tenant.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)task["status"]!, Is.EqualTo("done"));
            Assert.That((int)task["export"]!["records"]!, Is.EqualTo(200));
            Assert.That(chunks, Is.GreaterThan(40));
            Assert.That(document.Categories.Single().Records, Has.Count.EqualTo(200));
            Assert.That(document.Categories.Single().Records[199]["note"], Does.EndWith("Ünïcødé Кириллица"));
        }
    }

    [Test]
    public async Task A_chunk_altered_on_the_way_fails_the_digest_and_the_task_is_retried_not_accepted()
    {
        await using var connector = await ExportingConnector.StartAsync($"exp-{Guid.NewGuid():N}"[..14]);
        connector.Tamper = (sequence, data) => sequence == 0 ? [.. data.Reverse()] : data;
        var tenant = await TestTenant.CreateAsync(Engine);
        await connector.ServeAsync(tenant.Slug);
        await RequestDriver.RegisterAsync(tenant.Staff(Engine, "admin"), connector.Name, new { actions = new[] { "export" } });
        var staff = tenant.Staff(Engine, "privacy-officer");
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "access");
        await RequestDriver.ToFanOutAsync(staff, reference);
        var view = await TestData.Workflows.WaitForAsync(staff, reference,
            v => v["tasks"]!.AsArray().Any(t => (string)t!["status"]! == "retrying"), "the retry");
        var task = RequestDriver.Task(view, connector.Name);
        Assert.That((string)task["detail"]!, Does.StartWith("export-corrupt"));
        Assert.That(task["export"], Is.Null);
    }

    // Security review M11: an export has a ceiling (Dsar:Connectors:Exports:MaxBytes). Chunks past it are not stored, the
    // reply is refused as export-too-large and a person settles the task; nothing waits for an export that cannot come.
    [Test]
    public async Task An_export_over_the_limit_stores_nothing_past_it_and_the_task_fails_for_a_person_to_settle()
    {
        await using var engine = await EngineFactory.StartAsync(
            new Dictionary<string, string?> { ["Dsar:Connectors:Exports:MaxBytes"] = "1048576" });
        await using var connector = await ExportingConnector.StartAsync($"big-{Guid.NewGuid():N}"[..14]);
        connector.ChunkBytes = ExportUpload.DefaultChunkBytes;
        connector.Document = task => ExportingConnector.Sample(task.Connector, 6000);   // about 1.4 MB in 11 chunks
        var tenant = await TestTenant.CreateAsync(engine);
        await connector.ServeAsync(tenant.Slug);
        await RequestDriver.RegisterAsync(tenant.Staff(engine, "admin"), connector.Name, new { actions = new[] { "export" } });
        var staff = tenant.Staff(engine, "privacy-officer");
        var reference = await RequestDriver.SubmitAsync(engine, tenant, "access");
        await RequestDriver.ToFanOutAsync(staff, reference);
        var view = await TestData.Workflows.WaitForAsync(staff, reference, v => (string?)v["status"] == "needs-attention",
            "the oversized export to be refused");
        var task = RequestDriver.Task(view, connector.Name);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)task["status"]!, Is.EqualTo("failed"));
            Assert.That((string)task["detail"]!, Does.StartWith("export-too-large"));
            Assert.That(task["export"], Is.Null);
            Assert.That(await Rows.CountAsync(engine, "connector_exports", tenant.Id), Is.LessThanOrEqualTo(8),
                "1 MiB is 8 chunks of 128 KiB");
        }
    }
}
