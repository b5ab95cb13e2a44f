using System.Text;
using Dapper;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Tests.Shared;
using Npgsql;
using RabbitMQ.Client;

namespace DsarEngine.Server.Tests.Runtime;

// Issue 12 moved most of the engine between projects and folders. Outbox rows name their message type by its full
// name and were written by the engine before the move; they must still be relayed. These rows are written exactly as
// the engine wrote them at commit cea4042 (type names, destinations, camelCase bodies), and each must arrive on its
// queue as the same MassTransit message type.
public sealed class StoredOutboxRowsTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [TestCase("DsarEngine.Workflows.Packs.RenderResponsePack", """{"requestId":"{request}","tenantId":"{tenant}"}""")]
    [TestCase("DsarEngine.Workflows.Packs.RenderNotice",
        """{"requestId":"{request}","tenantId":"{tenant}","kind":"extension","model":{"reason":"volume"}}""")]
    [TestCase("DsarEngine.Connectors.Contracts.EraseSubjectData",
        """{"task":{"requestId":"{request}","taskId":"{task}","tenant":"{slug}","connector":"crm","right":"erasure","idempotency"""
            + """Key":"{task}","attempt":1},"identities":[{"type":"email","value":"zoe@example.org"}]}""")]
    [TestCase("DsarEngine.Connectors.Contracts.ExportSubjectData",
        """{"task":{"requestId":"{request}","taskId":"{task}","tenant":"{slug}","connector":"crm","right":"access","idempotency"""
            + """Key":"{task}","attempt":2},"identities":[],"categories":[]}""")]
    public async Task A_row_written_before_the_move_is_relayed_as_the_same_message(string type, string body)
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var requestId = Guid.Parse(await Rows.ScalarAsync<string>(Engine,
            "SELECT id::text FROM requests WHERE reference = @reference",
            new { reference = await RequestDriver.SubmitAsync(Engine, tenant, "access") }));
        var queue = $"wire-names-{Guid.NewGuid():N}";
        await using var connection = await new ConnectionFactory { Uri = new Uri(TestDatabase.AmqpUrl) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        // As MassTransit declares a queue it sends to, so the two declarations agree.
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        try
        {
            var json = body.Replace("{request}", requestId.ToString(), StringComparison.Ordinal)
                .Replace("{tenant}", tenant.Id.ToString(), StringComparison.Ordinal)
                .Replace("{slug}", tenant.Slug, StringComparison.Ordinal)
                .Replace("{task}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
            await using (var c = new NpgsqlConnection(Engine.ConnectionString))
                await c.ExecuteAsync("""
                    INSERT INTO outbox (id, tenant_id, request_id, destination, message_type, body, created_at)
                    VALUES (@id, @tenantId, @requestId, @queue, @type, @json::jsonb, now());
                    SELECT pg_notify('dsar_outbox', '');
                    """, new { id = Guid.NewGuid(), tenantId = tenant.Id, requestId, queue, type, json });

            var message = await ReceiveAsync(channel, queue);
            Assert.That(message, Does.Contain($"\"urn:message:{type[..type.LastIndexOf('.')]}:{type[(type.LastIndexOf('.') + 1)..]}\"")
                .And.Contain(requestId.ToString()));
        }
        finally
        {
            await BrokerCleanup.DeleteAsync(queue);
        }
    }

    private static async Task<string> ReceiveAsync(IChannel channel, string queue)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (await channel.BasicGetAsync(queue, autoAck: true) is { } delivery)
                return Encoding.UTF8.GetString(delivery.Body.Span);
            await Task.Delay(50);
        }
        Assert.Fail("The relay never sent the stored row.");
        return "";
    }
}
