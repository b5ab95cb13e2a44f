using System.Net;
using System.Net.Sockets;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Workflow;
using DsarEngine.Tests.Shared;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DsarEngine.Server.Tests.Runtime;

// The outbox relay while the broker is unreachable, on a real database: every failed send backs off, a round stops at
// its first failure, so an outage of an hour costs each row a bounded number of attempts and kills none; once the
// broker is back, every row is sent.
public sealed class RelayBackoffTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider time = new(Start);
    private string database = "";
    private ServiceProvider services = null!;
    private Guid tenant;

    [SetUp]
    public async Task CreateDatabase() => (database, services, tenant) = await OutboxRows.DatabaseAsync();

    [TearDown]
    public async Task DropDatabase()
    {
        await services.DisposeAsync();
        await TestDatabase.DropAsync(database);
    }

    private OutboxRelay Relay(IOutboxTransport transport, int sendTimeoutSeconds = 30) =>
        new(services.GetRequiredService<NpgsqlDataSource>(), transport,
            Options.Create(new RuntimeOptions { OutboxSendTimeoutSeconds = sendTimeoutSeconds }), time, NullLogger<OutboxRelay>.Instance);

    // As the relay's loop does: rounds while they make progress.
    private static async Task DrainAsync(OutboxRelay relay)
    {
        while ((await relay.RelayBatchAsync(CancellationToken.None)).Progressed) { }
    }

    private sealed class BrokerDown : IOutboxTransport
    {
        public int Calls { get; private set; }

        public Task SendAsync(OutboxMessage message, CancellationToken ct)
        {
            Calls++;
            throw new MassTransitException("Broker unreachable: guest@127.0.0.1:5672/");
        }
    }

    [Test]
    public async Task An_hour_of_broker_outage_costs_each_row_a_bounded_number_of_attempts_and_kills_none()
    {
        var rows = new List<Guid>();
        for (var n = 0; n < 5; n++)
            rows.Add(await OutboxRows.InsertAsync(database, tenant, null, OutboxRows.EventType, OutboxRows.Event(Guid.NewGuid()), Start));
        var down = new BrokerDown();
        var relay = Relay(down);
        // One round per poll (1 s) for an hour.
        for (var second = 0; second < 3600; second++)
        {
            await DrainAsync(relay);
            time.Advance(TimeSpan.FromSeconds(1));
        }
        var during = new List<OutboxRows.Row>();
        foreach (var id in rows)
            during.Add(await OutboxRows.ReadAsync(database, id));

        await using var bus = await BusAsync(TestDatabase.AmqpUrl);
        time.Advance(TimeSpan.FromMinutes(5)); // every row's backoff (at most 5 minutes) has run out
        await DrainAsync(Relay(Transport(bus.Bus)));
        var after = new List<OutboxRows.Row>();
        foreach (var id in rows)
            after.Add(await OutboxRows.ReadAsync(database, id));
        using (Assert.EnterMultipleScope())
        {
            // 2 s doubling to 5 minutes: about 19 attempts fit in an hour. Without backoff it was one per row per round.
            Assert.That(during.Select(r => r.Attempts), Has.All.InRange(10, 20));
            Assert.That(down.Calls, Is.EqualTo(during.Sum(r => r.Attempts)), "one send per attempt, each counted");
            Assert.That(during.Select(r => r.DeadAt), Has.All.Null, "an outage of an hour kills no row");
            Assert.That(during.Select(r => r.LastError), Has.All.StartWith("MassTransitException: Broker unreachable"));
            Assert.That(during.Select(r => r.NextAttemptAt - Start), Has.All.GreaterThan(TimeSpan.FromMinutes(55)));
            Assert.That(after.Select(r => r.SentAt), Has.All.Not.Null, "sent once the broker is back");
        }
    }

    [Test]
    public async Task A_relay_whose_broker_does_not_answer_times_each_send_out_and_stops_the_round_at_the_first()
    {
        var rows = new List<Guid>();
        for (var n = 0; n < 3; n++)
            rows.Add(await OutboxRows.InsertAsync(database, tenant, null, OutboxRows.EventType, OutboxRows.Event(Guid.NewGuid()),
                Start.AddSeconds(n - 10)));
        // A real bus pointed at a port where nothing listens: MassTransit's sends then wait for a connection forever.
        await using var bus = await BusAsync($"amqp://guest:guest@127.0.0.1:{ClosedPort()}/");
        var relay = Relay(Transport(bus.Bus), sendTimeoutSeconds: 1);

        var first = await relay.RelayBatchAsync(CancellationToken.None);
        var afterFirst = await OutboxRows.ReadAsync(database, rows[1]);
        var second = await relay.RelayBatchAsync(CancellationToken.None);
        var third = await relay.RelayBatchAsync(CancellationToken.None);
        var idle = await relay.RelayBatchAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(2));
        var again = await relay.RelayBatchAsync(CancellationToken.None);
        var head = await OutboxRows.ReadAsync(database, rows[0]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((first.Claimed, first.Sent, first.Failed), Is.EqualTo((3, 0, 1)), "the round stops at its first failure");
            Assert.That(afterFirst.Attempts, Is.Zero, "the rows behind it lose no attempt to the outage");
            Assert.That((second.Failed, third.Failed, idle.Claimed), Is.EqualTo((1, 1, 0)), "each row once, then none is due");
            Assert.That((again.Claimed, again.Failed), Is.EqualTo((3, 1)), "all are due again after 2 s; the oldest is tried first");
            Assert.That(head.Attempts, Is.EqualTo(2));
            Assert.That(head.NextAttemptAt, Is.EqualTo(Start.AddSeconds(2 + 4)), "then 4 s");
            Assert.That(head.LastError, Is.EqualTo("the broker did not take the message within 1 s"));
        }
    }

    [Test]
    public void Backoff_doubles_from_its_base_up_to_its_cap_and_the_cap_may_not_be_below_the_base()
    {
        var options = new RuntimeOptions { OutboxRetryBaseSeconds = 3, OutboxRetryMaxSeconds = 20 };
        var invalid = new RuntimeOptions { OutboxRetryBaseSeconds = 30, OutboxRetryMaxSeconds = 20 };
        var errors = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(invalid, new(invalid), errors, validateAllProperties: true);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Enumerable.Range(1, 6).Select(a => options.OutboxBackoff(a).TotalSeconds),
                Is.EqualTo(new double[] { 3, 6, 12, 20, 20, 20 }));
            Assert.That(options.OutboxBackoff(1000), Is.EqualTo(TimeSpan.FromSeconds(20)), "no overflow after many attempts");
            Assert.That(errors.Select(e => e.ErrorMessage),
                Is.EqualTo(new[] { "Dsar:Runtime:OutboxRetryMaxSeconds must be at least Dsar:Runtime:OutboxRetryBaseSeconds." }));
        }
    }

    private sealed class StartedBus(IBusControl bus) : IAsyncDisposable
    {
        public IBusControl Bus { get; } = bus;

        public async ValueTask DisposeAsync() => await Bus.StopAsync(TimeSpan.FromSeconds(5));
    }

    // Started as the engine starts it: without waiting for the broker, which may be down.
    private static async Task<StartedBus> BusAsync(string url)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(url)));
        using var starting = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await bus.StartAsync(starting.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or RabbitMqConnectionException)
        {
            // The broker is unreachable: the bus keeps trying, as in an engine started during an outage.
        }
        return new StartedBus(bus);
    }

    private static BusOutboxTransport Transport(IBus bus)
    {
        var options = Options.Create(new BusOptions { Url = "amqp://unused/" });
        return new BusOutboxTransport(bus, options, new DsarEngine.Server.Connectors.EngineReplies(bus, options));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
