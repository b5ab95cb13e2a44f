using System.Text.Json;
using DsarEngine.Connectors.Contracts;

namespace DsarEngine.Connectors.Sdk.Tests.Hosting;

// The README tells connector authors to persist IProcessedTasks as JSON with ExportUpload.Json: that must round-trip.
public sealed class ProcessedTaskJsonTests
{
    [Test]
    public void A_remembered_reply_survives_a_json_round_trip_unchanged()
    {
        var task = Commands.Task("crm");
        var reply = new ProcessedTask(new ConnectorTaskCompleted(task, TaskOutcomes.Partial, "Profile erased; invoices kept.",
            [new RetainedData("invoices", "Code de commerce art. L123-22", new DateOnly(2035, 1, 31))], ["Mailer Ltd"],
            new ExportManifest(Guid.NewGuid(), 3, 300_000, "ab12", 40, ["orders"])), null);

        var json = JsonSerializer.Serialize(reply, ExportUpload.Json);
        var back = JsonSerializer.Deserialize<ProcessedTask>(json, ExportUpload.Json);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(back!.Failed, Is.Null);
            Assert.That(back.Completed!.Task, Is.EqualTo(task));
            Assert.That(JsonSerializer.Serialize(back, ExportUpload.Json), Is.EqualTo(json));
        }
    }
}
