using System.Text.Json;
using DsarEngine.Connectors.Contracts;

namespace DsarEngine.Connectors.Sdk.Tests.Hosting;

public sealed class IdempotencyTests
{
    [Test]
    public async Task The_same_command_delivered_twice_calls_the_handler_once_and_is_answered_twice_identically()
    {
        var script = new HandlerScript
        {
            // The first call holds on until the second delivery has been acknowledged, so the two truly overlap.
            Erase = async (command, _, _) =>
            {
                await ReplyBus.For(command.Task)
                    .WaitUntilAsync(all => all.OfType<ConnectorTaskProgressed>().Count(p => p.Stage == "acknowledged") >= 2);
                return TaskResult.Partial("Profile erased; invoices kept.",
                    [new RetainedData("invoices", "Code de commerce art. L123-22", new DateOnly(2035, 1, 31))], "Mailer Ltd");
            },
        };
        await using var connector = await ConnectorHost.StartAsync(script);
        var command = Commands.Erase(connector.Name);

        // Back to back, with four concurrent tasks: the two deliveries race, as a redelivery can.
        await connector.SendAsync(command);
        await connector.SendAsync(command);
        var finals = (await ReplyBus.For(command.Task).WaitForFinalRepliesAsync(2)).Where(TaskReplies.IsFinal).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(script.Calls, Is.EqualTo(1));
            Assert.That(finals, Has.Count.EqualTo(2).And.All.TypeOf<ConnectorTaskCompleted>());
            Assert.That(JsonSerializer.Serialize(finals[1]), Is.EqualTo(JsonSerializer.Serialize(finals[0])));
            Assert.That(((ConnectorTaskCompleted)finals[0]).Retained.Single().Category, Is.EqualTo("invoices"));
        }
    }

    [Test]
    public async Task A_retryable_failure_is_not_remembered_so_the_next_delivery_calls_the_handler_again()
    {
        var script = new HandlerScript
        {
            Erase = (_, _, call) => call == 1
                ? throw new ConnectorFailureException("unavailable", "The CRM is down for maintenance.", retryable: true)
                : Task.FromResult(TaskResult.Done("Profile erased.")),
        };
        await using var connector = await ConnectorHost.StartAsync(script);
        var command = Commands.Erase(connector.Name);

        await connector.SendAsync(command);
        await ReplyBus.For(command.Task).WaitForFinalRepliesAsync(1);
        await connector.SendAsync(command with { Task = command.Task with { Attempt = 2 } });
        var finals = (await ReplyBus.For(command.Task).WaitForFinalRepliesAsync(2)).Where(TaskReplies.IsFinal).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(script.Calls, Is.EqualTo(2));
            Assert.That(finals[0], Is.TypeOf<ConnectorTaskFailed>());
            Assert.That(finals[1], Is.TypeOf<ConnectorTaskCompleted>());
        }
    }

    [Test]
    public async Task A_non_retryable_failure_is_remembered_and_answered_again_without_calling_the_handler()
    {
        var script = new HandlerScript
        {
            Erase = (_, _, _) =>
                throw new ConnectorFailureException("legal-hold", "The account is under a litigation hold.", retryable: false),
        };
        await using var connector = await ConnectorHost.StartAsync(script);
        var command = Commands.Erase(connector.Name);

        await connector.SendAsync(command);
        await ReplyBus.For(command.Task).WaitForFinalRepliesAsync(1);
        await connector.SendAsync(command);
        var finals = (await ReplyBus.For(command.Task).WaitForFinalRepliesAsync(2)).Where(TaskReplies.IsFinal).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(script.Calls, Is.EqualTo(1));
            Assert.That(finals, Has.All.TypeOf<ConnectorTaskFailed>());
            Assert.That(JsonSerializer.Serialize(finals[1]), Is.EqualTo(JsonSerializer.Serialize(finals[0])));
        }
    }

    [Test]
    public async Task The_same_key_for_another_action_is_a_different_task()
    {
        var script = new HandlerScript();
        await using var connector = await ConnectorHost.StartAsync(script);
        var erase = Commands.Erase(connector.Name);
        var export = new ExportSubjectData(erase.Task with { TaskId = Guid.NewGuid() }, erase.Identities, []);

        await connector.SendAsync(erase);
        await ReplyBus.For(erase.Task).WaitForFinalRepliesAsync(1);
        await connector.SendAsync(export);
        var reply = (await ReplyBus.For(export.Task).WaitForFinalRepliesAsync(1)).OfType<ConnectorTaskCompleted>().Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(script.Calls, Is.EqualTo(2));
            Assert.That(reply.Outcome, Is.EqualTo(TaskOutcomes.NotFound));
        }
    }
}
