using DsarEngine.Server.Connectors;
using DsarEngine.Server.Platform;

namespace DsarEngine.Server.Tests.Connectors;

// The destinations outbox rows store are a small language with one reader (Queues): its words never change, because rows
// written by an older engine must still go where they were meant to.
public sealed class QueuesTests
{
    private static readonly BusOptions Prefixed = new() { EndpointPrefix = "blue-" };

    [TestCase(Queues.PackRenderer, "blue-dsar-pack-renderer")]
    [TestCase(Queues.HttpAdapter, "blue-dsar-http-connector")]
    [TestCase(Queues.OpenDsrAdapter, "blue-dsar-opendsr-connector")]
    [TestCase(Queues.Replies, "blue-dsar-connector-replies")]
    [TestCase("dsar.demo.connector.crm", "dsar.demo.connector.crm")]
    public void A_stored_destination_names_the_same_queue_as_before(string destination, string queue) =>
        Assert.That(Queues.Resolve(destination, Prefixed), Is.EqualTo(queue));

    [Test]
    public void The_stored_words_are_those_older_engines_wrote()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Queues.PackRenderer, Is.EqualTo("@dsar-pack-renderer"));
            Assert.That(Queues.HttpAdapter, Is.EqualTo("@dsar-http-connector"));
            Assert.That(Queues.OpenDsrAdapter, Is.EqualTo("@dsar-opendsr-connector"));
            Assert.That(Queues.ErasureRequested, Is.EqualTo("exchange:dsar.subject-erasure-requested"));
            Assert.That(Queues.Erased, Is.EqualTo("exchange:dsar.subject-erased"));
        }
    }

    [Test]
    public void Connectors_answer_to_an_exchange_of_their_own_bound_to_the_reply_queue()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Queues.ReplyQueue(Prefixed), Is.EqualTo("blue-dsar-connector-replies"));
            Assert.That(Queues.ReplyExchange(Prefixed), Is.EqualTo("blue-dsar.replies"));
            Assert.That(Queues.ReplyExchange(Prefixed), Is.Not.EqualTo(Queues.ReplyQueue(Prefixed)), "write on one, no read on the other");
        }
    }

    [TestCase("acme", "crm", "dsar.acme.connector.crm")]
    [TestCase("acme-eu", "crm", "dsar.acme-eu.connector.crm")]
    public void A_tenants_bus_connector_has_a_queue_no_other_tenant_can_share(string tenant, string connector, string queue) =>
        Assert.That(Queues.BusConnector(tenant, connector), Is.EqualTo(queue));

    [Test]
    public void Only_exchange_destinations_are_published() =>
        Assert.That(new[] { Queues.ErasureRequested, Queues.PackRenderer, "dsar.demo.connector.crm" }.Select(Queues.IsExchange),
            Is.EqualTo(new[] { true, false, false }));
}
