using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Runtime;

// Rows that can never be sent are dead-lettered at once and block nothing; dead rows are shown to their organisation's
// staff without their bodies, and an admin requeues one (journaled on its request). Another organisation sees none.
public sealed class DeadLetterTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static async Task<(TestTenant Tenant, Guid RequestId, string Reference)> RequestAsync()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "access");
        var id = await Rows.ScalarAsync<Guid>(Engine, "SELECT id FROM requests WHERE reference = @reference", new { reference });
        return (tenant, id, reference);
    }

    private static async Task<OutboxRows.Row> WaitForAsync(Guid id, Func<OutboxRows.Row, bool> condition, string what)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        var row = await OutboxRows.ReadAsync(Engine.ConnectionString, id);
        while (!condition(row) && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
            row = await OutboxRows.ReadAsync(Engine.ConnectionString, id);
        }
        Assert.That(condition(row), Is.True, $"Timed out waiting for {what}: {row}");
        return row;
    }

    [Test]
    public async Task Rows_that_can_never_be_sent_are_dead_at_once_and_the_rows_behind_them_are_sent()
    {
        var (tenant, requestId, _) = await RequestAsync();
        // More poison than one relay batch (50), and older than anything else: they head the queue.
        var longAgo = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var unknown = new List<Guid>();
        for (var n = 0; n < 60; n++)
            unknown.Add(await OutboxRows.InsertAsync(Engine.ConnectionString, tenant.Id, requestId,
                "DsarEngine.Connectors.Contracts.NoLongerExists", "{}", longAgo));
        var malformed = await OutboxRows.InsertAsync(Engine.ConnectionString, tenant.Id, requestId, OutboxRows.EventType,
            """{"messageId":"not a uuid"}""", longAgo);
        var good = await OutboxRows.InsertAsync(Engine.ConnectionString, tenant.Id, requestId, OutboxRows.EventType,
            OutboxRows.Event(requestId), longAgo.AddDays(1));

        var sent = await WaitForAsync(good, r => r.SentAt is not null, "the row behind the poison");
        var dead = await OutboxRows.ReadAsync(Engine.ConnectionString, unknown[^1]);
        var broken = await OutboxRows.ReadAsync(Engine.ConnectionString, malformed);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sent.DeadAt, Is.Null);
            Assert.That((dead.DeadAt is not null, dead.Attempts, dead.LastError),
                Is.EqualTo((true, 1, "unknown message type DsarEngine.Connectors.Contracts.NoLongerExists")));
            Assert.That((broken.DeadAt is not null, broken.Attempts), Is.EqualTo((true, 1)));
            Assert.That(broken.LastError,
                Does.StartWith("the body does not deserialise as RequestEventOccurred").And.Not.Contain("not a uuid"));
        }
    }

    [Test]
    public async Task Staff_see_their_dead_messages_without_bodies_and_an_admin_requeues_one_which_is_then_sent()
    {
        var (tenant, requestId, reference) = await RequestAsync();
        var dead = await OutboxRows.InsertAsync(Engine.ConnectionString, tenant.Id, requestId, OutboxRows.EventType,
            OutboxRows.Event(requestId), DateTimeOffset.UnixEpoch.AddYears(55), deadAt: DateTimeOffset.UnixEpoch.AddYears(55).AddHours(8),
            attempts: 100, lastError: "the broker did not take the message within 30 s");

        var listed = await tenant.Staff(Engine, "auditor").GetFromJsonAsync<JsonArray>("/api/v1/staff/outbox?state=dead");
        var byOfficer = await tenant.Staff(Engine, "privacy-officer").PostAsync($"/api/v1/staff/outbox/{dead}/retry", null);
        var byAdmin = await tenant.Staff(Engine, "admin").PostAsync($"/api/v1/staff/outbox/{dead}/retry", null);
        var sent = await WaitForAsync(dead, r => r.SentAt is not null, "the requeued message to be sent");
        var again = await tenant.Staff(Engine, "admin").PostAsync($"/api/v1/staff/outbox/{dead}/retry", null);
        var journal = await tenant.Staff(Engine, "auditor").GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/journal");
        var entry = listed!.Single(m => (Guid)m!["id"]! == dead)!.AsObject();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(entry.Select(p => p.Key),
                Is.EquivalentTo(new[] { "id", "reference", "messageType", "destination", "attempts", "lastError", "createdAt", "deadAt" }),
                "no body: it holds the subject's identities");
            Assert.That(((string)entry["reference"]!, (int)entry["attempts"]!, (string)entry["messageType"]!),
                Is.EqualTo((reference, 100, OutboxRows.EventType)));
            Assert.That((string)entry["lastError"]!, Is.EqualTo("the broker did not take the message within 30 s"));
            Assert.That(byOfficer.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "only admins requeue");
            Assert.That(byAdmin.StatusCode, Is.EqualTo(HttpStatusCode.OK), await byAdmin.Content.ReadAsStringAsync());
            Assert.That((sent.DeadAt, sent.Attempts), Is.EqualTo(((DateTimeOffset?)null, 1)), "a fresh attempt budget");
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That((string)(await again.ReadObjectAsync())["type"]!, Is.EqualTo("urn:dsar:problem:not-dead"));
            var requeued = journal!["entries"]!.AsArray().Single(e => (string)e!["kind"]! == "outbox-requeued")!;
            Assert.That(((string)requeued["actor"]!, (Guid)requeued["data"]!["messageId"]!), Is.EqualTo(("api-key:admin", dead)));
            Assert.That((bool)journal["verified"]!, Is.True, "the entry is chained like every other");
        }
    }

    [Test]
    public async Task Another_organisation_can_neither_see_nor_requeue_a_dead_message()
    {
        var (owner, requestId, _) = await RequestAsync();
        var other = await TestTenant.CreateAsync(Engine);
        var dead = await OutboxRows.InsertAsync(Engine.ConnectionString, owner.Id, requestId, OutboxRows.EventType,
            OutboxRows.Event(requestId), DateTimeOffset.UnixEpoch, deadAt: DateTimeOffset.UnixEpoch, attempts: 100, lastError: "timeout");

        var listed = await other.Staff(Engine, "admin").GetFromJsonAsync<JsonArray>("/api/v1/staff/outbox?state=dead");
        var retried = await other.Staff(Engine, "admin").PostAsync($"/api/v1/staff/outbox/{dead}/retry", null);
        var row = await OutboxRows.ReadAsync(Engine.ConnectionString, dead);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(listed!.Select(m => (Guid)m!["id"]!), Does.Not.Contain(dead));
            Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((string)(await retried.ReadObjectAsync())["type"]!, Is.EqualTo("urn:dsar:problem:not-found"));
            Assert.That(row.DeadAt, Is.Not.Null, "still dead: nothing was changed");
        }
    }

    [Test]
    public async Task Only_dead_messages_are_listed_and_another_state_is_a_clear_error()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var response = await tenant.Staff(Engine, "auditor").GetAsync("/api/v1/staff/outbox?state=pending");
        var problem = await response.ReadObjectAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That((string)problem["type"]!, Is.EqualTo("urn:dsar:problem:validation"));
            Assert.That(problem["errors"]!["state"], Is.Not.Null);
        }
    }
}
