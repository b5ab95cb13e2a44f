using System.Net.Http.Json;
using DsarEngine.Samples.ErasureListener;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Tests.Shared;
using RabbitMQ.Client;

namespace DsarEngine.Server.Tests.Connectors;

// Downstream systems without MassTransit hear of erasures: the sample listener (plain RabbitMQ.Client) binds its own
// queue to the engine's stable exchanges, forgets the subject on approval and sees the outcome per system at the end.
public sealed class ErasureEventTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task An_approved_erasure_reaches_a_plain_amqp_listener_and_its_outcome_follows_per_system()
    {
        await using var billing = await ExportingConnector.StartAsync($"bill-{Guid.NewGuid():N}"[..14]);
        await using var crm = await StubConnector.StartAsync($"crm-{Guid.NewGuid():N}"[..13]);
        var tenant = await TestTenant.CreateAsync(Engine);
        await billing.ServeAsync(tenant.Slug);
        await crm.ServeAsync(tenant.Slug);
        var admin = tenant.Staff(Engine, "admin");
        await RequestDriver.RegisterAsync(admin, billing.Name, new { actions = new[] { "erase" } });
        await RequestDriver.RegisterAsync(admin, crm.Name, new { actions = new[] { "erase" } });
        var email = $"erase-me-{Guid.NewGuid():N}@example.org";
        var cache = new ProfileCache(profiles: 5);
        cache.Add(new CachedProfile(email, "Zoë Ångström", "loyal"));
        var forgot = new TaskCompletionSource<ErasureRequested>(TaskCreationOptions.RunContinuationsAsynchronously);
        var erased = new TaskCompletionSource<Erased>(TaskCreationOptions.RunContinuationsAsynchronously);
        var queue = $"test-listener-{Guid.NewGuid():N}";
        await using (var listener = new ErasureListener(cache, _ => { }))
        {
            listener.Forgot += e => forgot.TrySetResult(e);
            listener.Completed += e => erased.TrySetResult(e);
            await listener.StartAsync(new Uri(TestDatabase.AmqpUrl), queue, tenant.Slug, CancellationToken.None);

            var staff = tenant.Staff(Engine, "privacy-officer");
            var (reference, token) = await RequestDriver.SubmitWithTokenAsync(Engine, tenant, "erasure", email);
            await RequestDriver.ToFanOutAsync(staff, reference);
            var requested = await forgot.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:review"), "the review");
            await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions", new { step = "review", outcome = "approve" });
            var outcome = await erased.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.Closed, "the close");
            var status = await Engine.CreateClient()
                .GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/v1/requests/{reference}?token={token}");
            var billed = status!["results"]!.AsArray().Single(r => (string)r!["system"]! == billing.Name)!;
            using (Assert.EnterMultipleScope())
            {
                Assert.That(cache.Contains(email), Is.False);
                Assert.That(cache.Count, Is.EqualTo(5));
                Assert.That(requested.Tenant, Is.EqualTo(tenant.Slug));
                Assert.That(requested.Identities.Select(i => (i.Type, i.Value)), Does.Contain(("email", email)));
                Assert.That(outcome.RequestId, Is.EqualTo(requested.RequestId));
                Assert.That(outcome.Outcome, Is.EqualTo("partial"));
                Assert.That(outcome.Systems.Select(s => (s.Connector, s.Status)),
                    Is.EquivalentTo(new[] { (billing.Name, "partial"), (crm.Name, "done") }));
                Assert.That((string)billed["outcome"]!, Is.EqualTo("partial"));
                Assert.That((string)billed["retained"]![0]!["legalBasis"]!, Is.EqualTo("§147 AO (10 years)"));
                Assert.That(status["results"]!.AsArray(), Has.Count.EqualTo(2));
            }
        }
        await DeleteQueueAsync(queue);
    }

    private static async Task DeleteQueueAsync(string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(TestDatabase.AmqpUrl) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeleteAsync(queue);
    }
}
