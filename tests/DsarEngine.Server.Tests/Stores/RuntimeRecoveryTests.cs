using Dapper;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Tenants;
using DsarEngine.Server.Workflow;
using DsarEngine.Workflows.Runtime;
using DsarEngine.Workflows.Security;
using Npgsql;

namespace DsarEngine.Server.Tests.Stores;

// The signal transaction when things are not as they should be: timers re-armed after a cancel, an instance whose
// definition version is gone, a request row the update misses.
public sealed class RuntimeRecoveryTests
{
    private static readonly SignalSource Staff = new("staff", null);

    // A day after the request arrived, so that the reminders (7 and 2 days before the due date) are still ahead.
    private static SignalProcessor Processor => new(DatabaseSetup.Get<NpgsqlDataSource>(), new ErasureOnlyCatalog(),
        new SecretTokens(new byte[32]),
        new FakeTimeProvider(StoredRequests.Now.AddDays(1)));

    private static async Task<StoredRequest> NewRequestAsync()
    {
        var tenant = await DatabaseSetup.Get<TenantStore>().UpsertAsync(Tenants.New(), StoredRequests.Now, CancellationToken.None);
        var request = StoredRequests.For(tenant, "erasure");
        await DatabaseSetup.Get<RequestStore>().SubmitAsync(request, StoredRequests.Received(request), null, null, CancellationToken.None,
            new WorkflowStart("erasure", 1));
        return request;
    }

    private static async Task<T> QueryAsync<T>(Func<NpgsqlConnection, Task<T>> query)
    {
        await using var connection = await DatabaseSetup.Get<NpgsqlDataSource>().OpenConnectionAsync();
        return await query(connection);
    }

    private static Task<WorkflowInstance> InstanceAsync(StoredRequest r) =>
        QueryAsync(async c => (await InstanceRows.FindAsync(c, r.TenantId, r.Id, CancellationToken.None))!);

    [Test]
    public async Task Rearming_arms_the_reminder_and_escalation_timers_again_at_the_clock_dates()
    {
        var request = await NewRequestAsync();
        var processor = Processor;
        await processor.ProcessAsync(request.Id, new Signal.Start(), Staff, CancellationToken.None);
        await processor.ProcessAsync(request.Id, new Signal.IdentityVerified("manual", "id card", "staff:ada"), Staff,
            CancellationToken.None);
        // The first rearm schedules the timers for today's due date; the second cancels exactly those rows and
        // schedules the same ones again: the case where the deterministic ids collide.
        await processor.ProcessAsync(request.Id, new Signal.RearmTimers("staff:ops"), Staff, CancellationToken.None);
        var outcome = await processor.ProcessAsync(request.Id, new Signal.RearmTimers("staff:ops"), Staff, CancellationToken.None);
        var due = (await DatabaseSetup.Get<RequestStore>().FindAsync(request.TenantId, request.Reference, CancellationToken.None))!
            .DueAt!.Value;
        var armed = (await QueryAsync(c => c.QueryAsync<(string Kind, string? StepId, DateTimeOffset DueAt)>(
            "SELECT kind, step_id, due_at FROM timers WHERE request_id = @Id AND kind IN ('reminder', 'escalation') AND fired_at IS NULL",
            new { request.Id }))).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Result, Is.EqualTo(SignalResult.Applied));
            Assert.That(armed, Is.EquivalentTo(new (string, string?, DateTimeOffset)[]
            {
                ("reminder", "7", due.AddDays(-7)), ("reminder", "2", due.AddDays(-2)), ("escalation", null, due),
            }));
        }
    }

    [Test]
    public async Task A_signal_for_an_instance_whose_definition_is_not_loaded_parks_it_once_with_what_to_do()
    {
        var request = await NewRequestAsync();
        await Processor.ProcessAsync(request.Id, new Signal.Start(), Staff, CancellationToken.None);
        await QueryAsync(c => c.ExecuteAsync("UPDATE workflow_instances SET definition_version = 7 WHERE request_id = @Id",
            new { request.Id }));

        var first = await Processor.ProcessAsync(request.Id, new Signal.IdentityVerified("manual", "id card", "staff:ada"), Staff,
            CancellationToken.None);
        var second = await Processor.ProcessAsync(request.Id, new Signal.TimerFired(TimerKinds.Reminder, "7"),
            new SignalSource("timers", null), CancellationToken.None);
        var instance = await InstanceAsync(request);
        var journal = await DatabaseSetup.Get<JournalStore>().ReadAsync(request.TenantId, request.Id, CancellationToken.None);
        var stored = await DatabaseSetup.Get<RequestStore>().FindAsync(request.TenantId, request.Reference, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((first.Result, first.Slug), Is.EqualTo((SignalResult.Refused, SignalProcessor.DefinitionMissing)));
            Assert.That((second.Result, second.Slug), Is.EqualTo((SignalResult.Refused, SignalProcessor.DefinitionMissing)));
            Assert.That(instance.Status, Is.EqualTo(InstanceStatus.NeedsAttention));
            Assert.That(instance.LastError, Does.Contain("erasure@7 is not loaded").And.Contain("put its file back"));
            Assert.That(stored!.Status, Is.EqualTo("needs-attention"));
            Assert.That(journal.Count(e => e.Kind == "incident"), Is.EqualTo(1), "parked once, not once per signal");
            Assert.That(instance.State.IdentityVerified, Is.False, "the signal itself was not applied");
        }
    }

    [Test]
    public async Task A_request_row_the_update_misses_refuses_the_whole_signal()
    {
        var request = await NewRequestAsync();
        var name = $"skip_{request.Id:N}";
        // The trigger silently drops updates of this one request: it stands for a writer that got there first.
        await QueryAsync(c => c.ExecuteAsync($"""
            CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW.id = '{request.Id}' THEN RETURN NULL; END IF; RETURN NEW; END $$;
            CREATE TRIGGER {name} BEFORE UPDATE ON requests FOR EACH ROW EXECUTE FUNCTION {name}();
            """));
        try
        {
            Assert.ThrowsAsync<InvalidOperationException>(
                () => Processor.ProcessAsync(request.Id, new Signal.Start(), Staff, CancellationToken.None));
            var instance = await InstanceAsync(request);
            var journal = await DatabaseSetup.Get<JournalStore>().ReadAsync(request.TenantId, request.Id, CancellationToken.None);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(instance.Status, Is.EqualTo(InstanceStatus.Pending), "the instance did not move without its request");
                Assert.That(journal.Select(e => e.Kind), Is.EqualTo(new[] { "received" }));
            }
        }
        finally
        {
            await QueryAsync(c => c.ExecuteAsync($"DROP TRIGGER {name} ON requests; DROP FUNCTION {name}();"));
        }
    }
}
