using DsarEngine.Connectors.Contracts;
using DsarEngine.Tests.Shared;
using MassTransit;

namespace DsarEngine.Server.Tests.TestData;

// A connector on the real broker, in its own bus like a separate service: it answers every command with the
// outcome the test chose (default "done") and counts what it received. It serves the organisations ServeAsync names,
// each on that organisation's own queue (dsar.<tenant>.connector.<name>).
internal sealed class StubConnector : IAsyncDisposable
{
    private readonly IBusControl bus;

    public string Name { get; }

    public Func<IConnectorCommand, string> Outcome { get; set; } = _ => TaskOutcomes.Done;

    public List<IConnectorCommand> Received { get; } = [];

    // The recipients (GDPR Art. 19) or third parties (11 CCR §7026(f)(2)) the stub reports with a completed task.
    public Func<IConnectorCommand, IReadOnlyList<string>> Recipients { get; set; } = _ => [];

    private StubConnector(string name)
    {
        Name = name;
        bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(TestDatabase.AmqpUrl));
            TestBus.StampSender(rabbit);
        });
    }

    public Task ServeAsync(string tenant) => TestBus.ServeAsync(bus, DsarEngine.Connectors.DsarConnectorSetup.QueueName(tenant, Name), e =>
                e.Handler<IConnectorCommand>(async context =>
                {
                    var command = Concrete(context);
                    lock (Received)
                        Received.Add(command);
                    var outcome = Outcome(context.Message);
                    if (outcome == "failed")
                        await context.Publish(new ConnectorTaskFailed(context.Message.Task, false, "stub", $"stub {Name}"));
                    else if (outcome != "silent")
                        await context.Publish(new ConnectorTaskCompleted(context.Message.Task, outcome, $"stub {Name}", [],
                            Recipients(command), null));
                }));

    // The command as the engine sent it, by its own type where a test reads its fields (an erasure's exemptions, the purpose
    // a stop names), else as the interface.
    private static IConnectorCommand Concrete(ConsumeContext<IConnectorCommand> context) =>
        context.TryGetMessage<StopProcessing>(out var stop) ? stop.Message
        : context.TryGetMessage<EraseSubjectData>(out var erase) ? erase.Message
        : context.TryGetMessage<StopSaleAndSharing>(out var optOut) ? optOut.Message
        : context.TryGetMessage<LimitSensitiveDataUse>(out var limit) ? limit.Message
        : context.Message;

    public static async Task<StubConnector> StartAsync(string name)
    {
        var stub = new StubConnector(name);
        await stub.bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        return stub;
    }

    public async ValueTask DisposeAsync() => await bus.StopAsync();
}
