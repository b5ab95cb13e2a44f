using DsarEngine.Connectors;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Tests.Shared;
using MassTransit;

namespace DsarEngine.Server.Tests.TestData;

// A connector on its own bus that answers exports through the claim check (chunks, then the manifest) and erasures
// with what it kept. Tamper lets a test corrupt a chunk on its way.
internal sealed class ExportingConnector : IAsyncDisposable
{
    private readonly IBusControl bus;

    public string Name { get; }

    public Func<TaskReference, ExportDocument> Document { get; set; } = task => Sample(task.Connector, 3);

    public Func<int, byte[], byte[]> Tamper { get; set; } = (_, data) => data;

    public int ChunkBytes { get; set; } = 1024;

    // Rewrites the manifest on its way (a wrong digest, a name with a path in it), after the chunks were cut.
    public Func<ExportManifest, ExportManifest> Manifest { get; set; } = manifest => manifest;

    // Every manifest sent, as sent.
    public List<ExportManifest> Sent { get; } = [];

    private ExportingConnector(string name)
    {
        Name = name;
        bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(TestDatabase.AmqpUrl));
            TestBus.StampSender(rabbit);
        });
    }

    // Starts serving one more organisation, on its own queue.
    public Task ServeAsync(string tenant) => TestBus.ServeAsync(bus, DsarConnectorSetup.QueueName(tenant, Name), e =>
            {
                e.Handler<ExportSubjectData>(async context =>
                {
                    var (manifest, chunks) = ExportUpload.Prepare(context.Message.Task, Document(context.Message.Task), ChunkBytes);
                    foreach (var chunk in chunks)
                        await context.Publish(chunk with { Data = Tamper(chunk.Sequence, chunk.Data) });
                    manifest = Manifest(manifest);
                    lock (Sent)
                        Sent.Add(manifest);
                    await context.Publish(new ConnectorTaskCompleted(context.Message.Task, TaskOutcomes.Done, $"{manifest.Records} records",
                        [], [], manifest));
                });
                e.Handler<EraseSubjectData>(context => context.Publish(new ConnectorTaskCompleted(context.Message.Task,
                    TaskOutcomes.Partial, "Profile erased.",
                    [new RetainedData("invoices", "§147 AO (10 years)", new DateOnly(2036, 1, 1))], ["Payment provider"], null)));
            });

    public static ExportDocument Sample(string connector, int records) => new(connector, "Test system",
    [
        new ExportedCategory("orders", Enumerable.Range(1, records)
            .Select(i => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
            {
                ["order"] = $"O-{i:D6}", ["note"] = new string('x', 200) + "Ünïcødé Кириллица",
            })
            .ToList()),
    ]);

    public static async Task<ExportingConnector> StartAsync(string name)
    {
        var connector = new ExportingConnector(name);
        await connector.bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        return connector;
    }

    public async ValueTask DisposeAsync() => await bus.StopAsync();
}
