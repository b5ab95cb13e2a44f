using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Connectors;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Tests.Shared;
using MassTransit;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace DsarEngine.Server.Tests.Connectors;

// Security review C1 and M2, on the real broker: a tenant's commands reach only its own connector services, and only the
// receiver of a command can answer it (reply token, tenant, registered broker user). The probe that found C1: the help
// desk's admin registers a bus connector named like the demo organisation's CRM and proceeds an access request for a
// demo subject.
public sealed class TenantIsolationTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static string EnginePrefix => new Npgsql.NpgsqlConnectionStringBuilder(Engine.ConnectionString).Database + "-";

    [Test]
    public async Task Another_organisations_connector_of_the_same_name_never_gets_its_commands_and_the_task_ends_needing_attention()
    {
        await using var crm = await StubConnector.StartAsync($"crm-{Guid.NewGuid():N}"[..13]);
        var owner = await TestTenant.CreateAsync(Engine);
        await crm.ServeAsync(owner.Slug);     // the CRM service works for its own organisation only
        var intruder = await TestTenant.CreateAsync(Engine);
        await RequestDriver.RegisterAsync(owner.Staff(Engine, "admin"), crm.Name, new { actions = new[] { "export" } });
        await RequestDriver.RegisterAsync(intruder.Staff(Engine, "admin"), crm.Name, new { actions = new[] { "export" } });

        var ownStaff = owner.Staff(Engine, "privacy-officer");
        var ownReference = await RequestDriver.SubmitAsync(Engine, owner, "access");
        await RequestDriver.ToFanOutAsync(ownStaff, ownReference);
        await TestData.Workflows.WaitForAsync(ownStaff, ownReference, v => (string?)v["waitingFor"] != "connectors",
            "the owner's CRM to answer");

        var staff = intruder.Staff(Engine, "privacy-officer");
        var reference = await RequestDriver.SubmitAsync(Engine, intruder, "access");
        await RequestDriver.ToFanOutAsync(staff, reference);
        var requestId = await Rows.ScalarAsync<Guid>(Engine, "SELECT id FROM requests WHERE reference = @reference", new { reference });
        // The command waits on the intruder's own queue, which no service of the owner reads.
        var waiting = await QueuedAsync(DsarConnectorSetup.QueueName(intruder.Slug, crm.Name), 1);
        // The task's timeout falls due (moved to now rather than waiting 24 hours): nobody answered, a person must look.
        await Rows.ScalarAsync<int>(Engine,
            "UPDATE timers SET due_at = now() WHERE request_id = @requestId AND kind = 'task-timeout' AND fired_at IS NULL RETURNING 1",
            new { requestId });
        var view = await TestData.Workflows.WaitForAsync(staff, reference, v => (string?)v["status"] == "needs-attention",
            "the task to time out");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(crm.Received.Select(c => c.Task.Tenant), Has.All.EqualTo(owner.Slug).And.Not.Empty);
            Assert.That(crm.Received.Select(c => c.Task.RequestId), Does.Not.Contain(requestId));
            Assert.That(waiting, Is.EqualTo(1));
            Assert.That((string)RequestDriver.Task(view, crm.Name)["status"]!, Is.EqualTo("timed-out"));
        }
    }

    [Test]
    public async Task A_reply_that_knows_the_request_and_task_but_not_the_reply_token_changes_nothing()
    {
        await using var crm = await StubConnector.StartAsync($"crm-{Guid.NewGuid():N}"[..13]);
        var (staff, reference, real) = await AwaitingAnAnswerAsync(crm);

        // Everything an eavesdropper on the erasure events or the step ids can know: request, task, tenant, connector.
        var guessed = real.Task with { ReplyToken = null };
        var forged = real.Task with { ReplyToken = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" };
        await using var forger = await ReplySender.StartAsync(new Uri(TestDatabase.AmqpUrl));
        await forger.SendAsync(new ExportChunkUploaded(guessed, Guid.NewGuid(), 0, "forged"u8.ToArray()));
        await forger.SendAsync(new ConnectorTaskCompleted(guessed, TaskOutcomes.NotFound, "forged: nothing here", [], [], null));
        await forger.SendAsync(new ConnectorTaskCompleted(forged, TaskOutcomes.NotFound, "forged: nothing here", [], [], null));
        await Engine.Logs.WaitForAsync(_ => Engine.Logs.Count($"Refused an export chunk for task {real.Task.TaskId}") == 1
            && Engine.Logs.Count($"Refused a completed reply for task {real.Task.TaskId}") == 2, "the forgeries' refusals");
        var untouched = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/workflow");
        // The genuine answer, quoting the command's token, still counts.
        await forger.SendAsync(new ConnectorTaskCompleted(real.Task, TaskOutcomes.Done, "the real answer", [], [], null));
        var view = await TestData.Workflows.WaitForAsync(staff, reference, v => (string?)v["waitingFor"] != "connectors",
            "the real answer");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)untouched!["waitingFor"], Is.EqualTo("connectors"), "the forgeries changed nothing");
            Assert.That((string?)RequestDriver.Task(view, crm.Name)["detail"], Is.EqualTo("the real answer"));
            Assert.That(await Rows.ScalarAsync<long>(Engine,
                    "SELECT count(*) FROM connector_exports WHERE request_id = @id", new { id = real.Task.RequestId }),
                Is.Zero);
        }
    }

    [Test]
    public async Task A_reply_with_the_right_token_from_another_broker_user_than_the_registered_one_changes_nothing()
    {
        await using var crm = await StubConnector.StartAsync($"crm-{Guid.NewGuid():N}"[..13]);
        var (staff, reference, real) = await AwaitingAnAnswerAsync(crm);

        // Another organisation's connector, with its own operator-issued user: it may write to the reply exchange, and
        // RabbitMQ stamps its messages with its own name, whatever it claims.
        var other = await BusUsers.ConnectorAsync($"oth-{Guid.NewGuid():N}"[..12], "crm", EnginePrefix);
        await using (var impostor = await ReplySender.StartAsync(other))
            await impostor.SendAsync(new ConnectorTaskCompleted(real.Task, TaskOutcomes.NotFound, "the impostor's answer", [], [], null));
        await BusUsers.DeleteAsync(other);
        await Engine.Logs.WaitForAsync(lines => lines.Any(l =>
                l.Contains($"Refused a completed reply for task {real.Task.TaskId}", StringComparison.Ordinal)
                && l.Contains("not sent by the broker user", StringComparison.Ordinal)), "the impostor's refusal");
        await using (var genuine = await ReplySender.StartAsync(new Uri(TestDatabase.AmqpUrl)))
            await genuine.SendAsync(new ConnectorTaskCompleted(real.Task, TaskOutcomes.Done, "the registered user's answer", [], [], null));
        var view = await TestData.Workflows.WaitForAsync(staff, reference, v => (string?)v["waitingFor"] != "connectors",
            "the genuine answer");

        Assert.That((string?)RequestDriver.Task(view, crm.Name)["detail"], Is.EqualTo("the registered user's answer"));
    }

    [Test]
    public async Task A_connector_user_from_the_scripts_reads_its_own_queue_and_nobody_elses()
    {
        var owner = $"own-{Guid.NewGuid():N}"[..12];
        var other = $"oth-{Guid.NewGuid():N}"[..12];
        var mine = await BusUsers.ConnectorAsync(owner, "crm", EnginePrefix);
        var theirs = DsarConnectorSetup.QueueName(other, "crm");
        await DeclareAsync(theirs);
        await DeclareAsync(DsarConnectorSetup.QueueName(owner, "crm"));
        try
        {
            await using var connection = await new ConnectionFactory { Uri = mine }.CreateConnectionAsync();
            using (Assert.EnterMultipleScope())
            {
                Assert.That(await ConsumeAsync(connection, DsarConnectorSetup.QueueName(owner, "crm")), Is.True, "its own queue");
                Assert.That(await ConsumeAsync(connection, theirs), Is.False, "another organisation's commands");
                Assert.That(await ConsumeAsync(connection, EnginePrefix + "dsar-connector-replies"), Is.False,
                    "the engine's replies (other tenants' exports)");
            }
        }
        finally
        {
            await BrokerCleanup.DeleteAsync(theirs, DsarConnectorSetup.QueueName(owner, "crm"));
            await BusUsers.DeleteAsync(mine);
        }
    }

    [Test]
    public async Task An_erasure_listener_user_from_the_scripts_binds_its_organisations_events_only()
    {
        var tenant = $"lst-{Guid.NewGuid():N}"[..12];
        var url = await BusUsers.ListenerAsync(tenant, "recommendations");
        var queue = $"dsar.{tenant}.listener.recommendations";
        await using var connection = await new ConnectionFactory { Uri = url }.CreateConnectionAsync();
        try
        {
            await using (var setup = await connection.CreateChannelAsync())
                await setup.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(await BindAsync(connection, queue, tenant), Is.True, "its own organisation's routing key");
                Assert.That(await BindAsync(connection, queue, "#"), Is.False, "every organisation's erasures");
                Assert.That(await BindAsync(connection, queue, "demo"), Is.False, "another organisation's erasures");
            }
        }
        finally
        {
            await BrokerCleanup.DeleteAsync(queue);
            await BusUsers.DeleteAsync(url);
        }
    }

    // An access request whose export task the (silent) connector received and has not answered: what a forger would aim at.
    private static async Task<(HttpClient Staff, string Reference, IConnectorCommand Real)> AwaitingAnAnswerAsync(StubConnector crm)
    {
        crm.Outcome = _ => "silent";
        var tenant = await TestTenant.CreateAsync(Engine);
        await crm.ServeAsync(tenant.Slug);
        await RequestDriver.RegisterAsync(tenant.Staff(Engine, "admin"), crm.Name, new { actions = new[] { "export" } });
        var staff = tenant.Staff(Engine, "privacy-officer");
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "access");
        await RequestDriver.ToFanOutAsync(staff, reference);
        return (staff, reference, await WaitForCommandAsync(crm));
    }

    private static async Task<IConnectorCommand> WaitForCommandAsync(StubConnector connector)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            lock (connector.Received)
                if (connector.Received.Count > 0)
                    return connector.Received[0];
            await Task.Delay(50);
        }
        Assert.Fail("The connector never received its command.");
        return null!;
    }

    private static async Task<uint> QueuedAsync(string queue, uint expected)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(TestDatabase.AmqpUrl) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        uint count = 0;
        while (watch.Elapsed < TimeSpan.FromSeconds(30) && (count = await PassiveCountAsync(channel, queue)) < expected)
            await Task.Delay(50);
        await BrokerCleanup.DeleteAsync(queue);
        return count;
    }

    private static async Task<uint> PassiveCountAsync(IChannel channel, string queue)
    {
        try { return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount; }
        catch (OperationInterruptedException) { return 0; }
    }

    private static async Task DeclareAsync(string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(TestDatabase.AmqpUrl) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
    }

    // Whether the broker lets this user consume the queue (a refusal closes the channel with 403 ACCESS_REFUSED).
    private static async Task<bool> ConsumeAsync(IConnection connection, string queue)
    {
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            var tag = await channel.BasicConsumeAsync(queue, autoAck: false, new AsyncEventingBasicConsumer(channel));
            await channel.BasicCancelAsync(tag);
            return true;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 403)
        {
            return false;
        }
    }

    private static async Task<bool> BindAsync(IConnection connection, string queue, string routingKey)
    {
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueueBindAsync(queue, "dsar.subject-erasure-requested", routingKey);
            return true;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 403)
        {
            return false;
        }
    }

    // A party that answers the engine the way the SDK does: sent to the engine's reply exchange, stamped with its user.
    private sealed class ReplySender : IAsyncDisposable
    {
        private readonly IBusControl bus;

        private ReplySender(Uri broker)
        {
            var user = DsarEngine.Connectors.Hosting.BrokerUser.Of(broker);
            bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
            {
                rabbit.Host(broker);
                rabbit.OverrideDefaultBusEndpointQueueName($"dsar.{user.Split('.')[0]}.connector.crm.bus-{Guid.NewGuid():N}");
                rabbit.ConfigureSend(s => s.UseExecute(c => DsarEngine.Connectors.Hosting.BrokerUser.Stamp(c, user)));
            });
        }

        public static async Task<ReplySender> StartAsync(Uri broker)
        {
            var sender = new ReplySender(broker);
            await sender.bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
            return sender;
        }

        public async Task SendAsync<T>(T message) where T : class =>
            await (await bus.GetSendEndpoint(new Uri($"exchange:{EnginePrefix}dsar.replies"))).Send(message);

        public async ValueTask DisposeAsync() => await bus.StopAsync();
    }
}
