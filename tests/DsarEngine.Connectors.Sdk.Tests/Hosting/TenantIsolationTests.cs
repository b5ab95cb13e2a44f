using DsarEngine.Connectors.Hosting;
using DsarEngine.Tests.Shared;

namespace DsarEngine.Connectors.Sdk.Tests.Hosting;

// Security review C1: a connector service works for the organisations that registered it, on their own queues, and
// for nobody else. A refused command runs no handler and gets no reply (the engine that owns it times it out).
public sealed class TenantIsolationTests
{
    private static string TestUser => BrokerUser.Of(new Uri(TestDatabase.AmqpUrl));

    [Test]
    public async Task A_command_naming_another_organisation_runs_no_handler_and_gets_no_reply()
    {
        var script = new HandlerScript();
        // One command at a time: the valid command sent second is handled after the refused one, so its reply marks the end.
        await using var connector = await ConnectorHost.StartAsync(script, o => o.ConcurrentTasks = 1);
        var foreign = Commands.Erase(connector.Name) is var c ? c with { Task = c.Task with { Tenant = "globex" } } : null!;
        var valid = Commands.Erase(connector.Name);

        await connector.SendAsync(foreign);
        await connector.SendAsync(valid);
        await ReplyBus.For(valid.Task).WaitForFinalRepliesAsync(1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(script.Calls, Is.EqualTo(1), "only the command of the organisation served was handled");
            Assert.That(ReplyBus.For(foreign.Task).Count, Is.Zero, "the refused command got no reply, not even an acknowledgement");
            Assert.That(connector.Logs.Lines, Has.Some.Contains($"Refused task {foreign.Task.TaskId}")
                .And.Contains("does not serve the organisation 'globex'"));
        }
    }

    [Test]
    public async Task A_command_arriving_on_another_organisations_queue_is_refused_even_when_both_are_served()
    {
        var script = new HandlerScript();
        await using var connector = await ConnectorHost.StartAsync(script, o =>
        {
            o.ConcurrentTasks = 1;
            o.Tenants.Add("globex");
        });
        var misrouted = Commands.Erase(connector.Name);   // names acme…
        var valid = Commands.Erase(connector.Name);

        await ReplyBus.SendAsync(DsarConnectorSetup.QueueName("globex", connector.Name), misrouted);   // …but arrives on globex's queue
        await ReplyBus.SendAsync(DsarConnectorSetup.QueueName("globex", connector.Name),
            valid with { Task = valid.Task with { Tenant = "globex" } });
        await ReplyBus.For(valid.Task).WaitForFinalRepliesAsync(1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(script.Calls, Is.EqualTo(1));
            Assert.That(ReplyBus.For(misrouted.Task).Count, Is.Zero);
            Assert.That(connector.Logs.Lines,
                Has.Some.Contains($"Refused task {misrouted.Task.TaskId}").And.Contains("not the tenant's own"));
        }
    }

    [Test]
    public async Task A_command_for_another_connector_name_is_refused()
    {
        var script = new HandlerScript();
        await using var connector = await ConnectorHost.StartAsync(script, o => o.ConcurrentTasks = 1);
        var other = Commands.Erase("someone-else");
        var valid = Commands.Erase(connector.Name);

        await connector.SendAsync(other);
        await connector.SendAsync(valid);
        await ReplyBus.For(valid.Task).WaitForFinalRepliesAsync(1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(script.Calls, Is.EqualTo(1));
            Assert.That(ReplyBus.For(other.Task).Count, Is.Zero);
        }
    }

    [Test]
    public async Task With_the_engines_broker_user_set_commands_from_any_other_user_are_refused()
    {
        var script = new HandlerScript();
        await using var strict = await ConnectorHost.StartAsync(script, o => o.EngineUser = "dsar-engine-elsewhere");
        var refused = Commands.Erase(strict.Name);
        await strict.SendAsync(refused);

        // The same service trusting the user the test sends as does the work.
        var trusting = new HandlerScript();
        await using var connector = await ConnectorHost.StartAsync(trusting, o => o.EngineUser = TestUser);
        var accepted = Commands.Erase(connector.Name);
        await connector.SendAsync(accepted);
        await ReplyBus.For(accepted.Task).WaitForFinalRepliesAsync(1);
        await strict.Logs.WaitForAsync(l => l.Contains($"Refused task {refused.Task.TaskId}", StringComparison.Ordinal));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(script.Calls, Is.Zero);
            Assert.That(trusting.Calls, Is.EqualTo(1));
            Assert.That(ReplyBus.For(refused.Task).Count, Is.Zero);
        }
    }

    [Test]
    public async Task Every_reply_carries_the_connectors_validated_broker_user()
    {
        await using var connector = await ConnectorHost.StartAsync(new HandlerScript());
        var command = Commands.Erase(connector.Name);
        await connector.SendAsync(command);
        var replies = ReplyBus.For(command.Task);
        await replies.WaitForFinalRepliesAsync(1);

        Assert.That(replies.Senders, Is.Not.Empty.And.All.EqualTo(TestUser));
    }
}
