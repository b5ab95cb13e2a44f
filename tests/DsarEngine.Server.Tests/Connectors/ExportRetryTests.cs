using System.Text.Json;
using DsarEngine.Connectors;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Tests.Shared;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Connectors;

// An export whose chunk was corrupted on its way is requested again (same task, next attempt), and a connector built
// on the SDK exports again with new chunks, so the task ends with a complete export. (The SDK used to answer the
// repeated command with its saved manifest, whose chunks the engine had refused: the export could never complete.)
public sealed class ExportRetryTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    internal sealed class Orders : IExportHandler
    {
        public Task<ExportDocument?> ExportAsync(ExportSubjectData command, TaskContext context, CancellationToken ct) =>
            Task.FromResult<ExportDocument?>(ExportingConnector.Sample(command.Task.Connector, 30));
    }

    // Flips a byte of the first chunk of the first export the engine receives, before the engine stores it.
    private sealed class CorruptFirstExport : IConsumeObserver
    {
        private Guid? first;

        public Task PreConsume<T>(ConsumeContext<T> context) where T : class
        {
            if (context.Message is ExportChunkUploaded { Sequence: 0 } chunk && (first ??= chunk.ExportId) == chunk.ExportId
                && chunk.Data.Length > 0)
                chunk.Data[0] ^= 0xFF;
            return Task.CompletedTask;
        }

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }

    [Test]
    public async Task An_export_corrupted_on_its_way_is_exported_again_by_an_sdk_connector_and_completes()
    {
        var time = new FakeTimeProvider(Start);
        await using var engine = await EngineFactory.StartAsync(time: time);
        engine.Services.GetRequiredService<IBus>().ConnectConsumeObserver(new CorruptFirstExport());
        var name = $"retry-{Guid.NewGuid():N}"[..14];
        var tenant = await TestTenant.CreateAsync(engine);
        using var connector = await SdkConnectorHost.StartAsync<Orders>(name, tenant.Slug);
        try
        {
            await RequestDriver.RegisterAsync(tenant.Staff(engine, "admin"), name, new { actions = new[] { "export" } });
            var staff = tenant.Staff(engine, "privacy-officer");
            var reference = await RequestDriver.SubmitAsync(engine, tenant, "access");
            await RequestDriver.ToFanOutAsync(staff, reference);
            var retrying = await TestData.Workflows.WaitForAsync(staff, reference,
                v => (string)RequestDriver.Task(v, name)["status"]! == "retrying", "the corrupt export");

            time.Advance(TimeSpan.FromMinutes(2)); // the first retry is due after a minute
            var done = await TestData.Workflows.WaitForAsync(staff, reference,
                v => (string)RequestDriver.Task(v, name)["status"]! == "done", "the export done again");
            var task = RequestDriver.Task(done, name);
            var document = JsonSerializer.Deserialize<ExportDocument>(
                await staff.GetStringAsync($"/api/v1/staff/requests/{reference}/tasks/{(string)task["taskId"]!}/export"),
                ExportUpload.Json)!;
            using (Assert.EnterMultipleScope())
            {
                Assert.That((string)RequestDriver.Task(retrying, name)["detail"]!, Does.StartWith("export-corrupt"));
                Assert.That((int)task["attempt"]!, Is.EqualTo(2));
                Assert.That((int)task["export"]!["records"]!, Is.EqualTo(30));
                Assert.That(document.Categories.Single().Records, Has.Count.EqualTo(30), "the whole export, readable");
            }
        }
        finally
        {
            await connector.StopAsync();
            await BrokerCleanup.DeleteAsync(DsarConnectorSetup.QueueName(tenant.Slug, name));
        }
    }
}
