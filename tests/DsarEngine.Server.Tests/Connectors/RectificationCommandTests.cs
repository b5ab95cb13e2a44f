using System.Net.Http.Json;
using DsarEngine.Connectors;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Tests.Shared;
using MassTransit;

namespace DsarEngine.Server.Tests.Connectors;

// GDPR Art. 16: the corrections a subject asked for reach each connector as fields and values, with the subject's
// supplementary statement completing their data.
public sealed class RectificationCommandTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task The_changes_and_the_statement_given_at_intake_arrive_in_the_rectify_command()
    {
        var name = $"rect-{Guid.NewGuid():N}"[..14];
        var received = new TaskCompletionSource<RectifySubjectData>(TaskCreationOptions.RunContinuationsAsynchronously);
        var tenant = await TestTenant.CreateAsync(Engine);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(TestDatabase.AmqpUrl));
            TestBus.StampSender(rabbit);
            rabbit.ReceiveEndpoint(DsarConnectorSetup.QueueName(tenant.Slug, name), e => e.Handler<RectifySubjectData>(context =>
            {
                received.TrySetResult(context.Message);
                return context.Publish(new ConnectorTaskCompleted(context.Message.Task, TaskOutcomes.Done, "Corrected.", [], [], null));
            }));
        });
        await bus.StartAsync();
        try
        {
            await RequestDriver.RegisterAsync(tenant.Staff(Engine, "admin"), name, new { actions = new[] { "rectify" } });
            var body = Submissions.Valid(tenant.Slug, "rectification");
            body["changes"] = new System.Text.Json.Nodes.JsonArray(
                new System.Text.Json.Nodes.JsonObject { ["field"] = "email", ["value"] = "zoe.new@example.org" },
                new System.Text.Json.Nodes.JsonObject { ["field"] = "postal-address", ["value"] = "12 rue de la Paix, 75002 Paris" });
            body["statement"] = "My account was closed in 2024 at my request; the balance shown is not mine.";
            var reference = (string)(await (await Engine.CreateClient().SendAsync(Submissions.Post(body))).ReadObjectAsync())["reference"]!;
            await RequestDriver.ToFanOutAsync(tenant.Staff(Engine, "privacy-officer"), reference);
            var command = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var view = await tenant.Staff(Engine, "auditor").GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(
                $"/api/v1/staff/requests/{reference}");
            using (Assert.EnterMultipleScope())
            {
                Assert.That(command.Changes, Is.EqualTo(new[]
                {
                    new FieldChange("email", "zoe.new@example.org"), new FieldChange("postal-address", "12 rue de la Paix, 75002 Paris"),
                }));
                Assert.That(command.SupplementaryStatement,
                    Is.EqualTo("My account was closed in 2024 at my request; the balance shown is not mine."));
                Assert.That((string?)view!["statement"], Is.EqualTo(command.SupplementaryStatement), "staff read it too");
            }
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
