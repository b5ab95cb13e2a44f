using Dapper;
using DsarEngine.Workflows.Journal;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Tenants;
using DsarEngine.Server.Workflow;
using DsarEngine.Workflows.Runtime;
using DsarEngine.Workflows.Security;
using Npgsql;

namespace DsarEngine.Server.Tests.Stores;

// The one-transaction-per-signal path on the real database: dedupe, ordering, concurrency, effects as rows.
public sealed class SignalProcessorTests
{
    private static readonly SecretTokens Tokens = new(new byte[32]);
    private static SignalProcessor Processor =>
        new(DatabaseSetup.Get<NpgsqlDataSource>(), new ErasureOnlyCatalog(), Tokens, TimeProvider.System);

    private static async Task<StoredRequest> NewRequestAsync(bool withConnectors = true)
    {
        var tenant = await DatabaseSetup.Get<TenantStore>().UpsertAsync(Tenants.New(), StoredRequests.Now, CancellationToken.None);
        var request = StoredRequests.For(tenant, "erasure");
        await DatabaseSetup.Get<RequestStore>().SubmitAsync(request, StoredRequests.Received(request), null, null, CancellationToken.None,
            new WorkflowStart("erasure", 1));
        if (withConnectors)
        {
            await using var connection = await DatabaseSetup.Get<NpgsqlDataSource>().OpenConnectionAsync();
            await connection.ExecuteAsync(
                "INSERT INTO connectors (tenant_id, name, actions, created_at) "
                + "VALUES (@tenant, 'crm', '{erase}', now()), (@tenant, 'billing', '{erase}', now())", new { tenant });
        }
        return request;
    }

    private static async Task<WorkflowInstance> InstanceAsync(StoredRequest request)
    {
        await using var connection = await DatabaseSetup.Get<NpgsqlDataSource>().OpenConnectionAsync();
        return (await InstanceRows.FindAsync(connection, request.TenantId, request.Id, CancellationToken.None))!;
    }

    private static Task<IReadOnlyList<JournalEntry>> JournalAsync(StoredRequest r) =>
        DatabaseSetup.Get<JournalStore>().ReadAsync(r.TenantId, r.Id, CancellationToken.None);

    private static async Task<WorkflowInstance> ToFanOutAsync(StoredRequest request)
    {
        var staff = new SignalSource("staff", null);
        await Processor.ProcessAsync(request.Id, new Signal.Start(), staff, CancellationToken.None);
        await Processor.ProcessAsync(request.Id, new Signal.IdentityVerified("manual", "id card", "staff:ada"), staff,
            CancellationToken.None);
        await Processor.ProcessAsync(request.Id, new Signal.Decision("assess", Decisions.Proceed, null, [], "staff:ada"), staff,
            CancellationToken.None);
        return await InstanceAsync(request);
    }

    [Test]
    public async Task A_run_writes_its_journal_outbox_timers_and_mail_in_the_same_transactions()
    {
        var request = await NewRequestAsync();
        var instance = await ToFanOutAsync(request);
        var outbox = await DatabaseSetup.CountAsync("SELECT count(*) FROM outbox WHERE request_id = @Id", new { request.Id });
        var timers = await DatabaseSetup.CountAsync(
            "SELECT count(*) FROM timers WHERE request_id = @Id AND kind = 'task-timeout' AND fired_at IS NULL", new { request.Id });
        var challenges = await DatabaseSetup.CountAsync(
            "SELECT count(*) FROM identity_challenges WHERE request_id = @Id", new { request.Id });
        var journal = await JournalAsync(request);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(instance.WaitingFor, Is.EqualTo(Bookmarks.Connectors));
            Assert.That(outbox, Is.EqualTo(3)); // the erasure event and one command per connector
            Assert.That(timers, Is.EqualTo(2)); // one timeout per connector task
            Assert.That(challenges, Is.EqualTo(1));
            Assert.That(JournalChain.FirstBroken(journal), Is.Null);
            Assert.That(journal.Select(e => e.Seq), Is.EqualTo(Enumerable.Range(1, journal.Count)));
        }
    }

    [Test]
    public async Task The_same_message_twice_is_processed_once()
    {
        var request = await NewRequestAsync();
        var instance = await ToFanOutAsync(request);
        var messageId = Guid.NewGuid();
        var reply = new Signal.TaskCompleted(instance.State.Tasks[0].TaskId, "done", "ok", [], [], null);
        var first = await Processor.ProcessAsync(request.Id, reply, new SignalSource("connector-replies", messageId),
            CancellationToken.None);
        var entries = (await JournalAsync(request)).Count;
        var second = await Processor.ProcessAsync(request.Id, reply, new SignalSource("connector-replies", messageId),
            CancellationToken.None);
        Assert.That((first.Result, second.Result), Is.EqualTo((SignalResult.Applied, SignalResult.Duplicate)));
        Assert.That(await JournalAsync(request), Has.Count.EqualTo(entries));
    }

    [Test]
    public async Task Concurrent_replies_are_serialised_and_the_journal_has_no_gaps()
    {
        var request = await NewRequestAsync();
        var instance = await ToFanOutAsync(request);
        var replies = instance.State.Tasks.SelectMany(t => Enumerable.Range(0, 5).Select(_ => (t.TaskId, Id: Guid.NewGuid()))).ToList();
        var results = await Task.WhenAll(replies.Select(r => Task.Run(() =>
            Processor.ProcessAsync(request.Id, new Signal.TaskCompleted(r.TaskId, "done", "ok", [], [], null),
                new SignalSource("connector-replies", r.Id), CancellationToken.None))));
        var after = await InstanceAsync(request);
        var journal = await JournalAsync(request);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(results.Count(r => r.Result == SignalResult.Applied), Is.EqualTo(2)); // one per task; the rest change nothing
            Assert.That(after.WaitingFor, Is.EqualTo(Bookmarks.Decision("review")));
            Assert.That(journal.Count(e => e.Kind == "connector-completed"), Is.EqualTo(2));
            Assert.That(journal.Select(e => e.Seq), Is.EqualTo(Enumerable.Range(1, journal.Count)));
            Assert.That(JournalChain.FirstBroken(journal), Is.Null);
        }
    }

    [Test]
    public async Task Waiting_for_identity_leaves_the_clock_running_until_a_stated_doubt_stops_it_and_proof_resumes_it()
    {
        var request = await NewRequestAsync(withConnectors: false);
        var store = DatabaseSetup.Get<RequestStore>();
        await Processor.ProcessAsync(request.Id, new Signal.Start(), new SignalSource("staff", null), CancellationToken.None);
        var waiting = await store.FindAsync(request.TenantId, request.Reference, CancellationToken.None);
        await Processor.ProcessAsync(request.Id, new Signal.PauseClock("identity-proof", "The address differs from the account's.",
            "staff:ada"), new SignalSource("staff", null), CancellationToken.None);
        var stopped = await store.FindAsync(request.TenantId, request.Reference, CancellationToken.None);
        await Processor.ProcessAsync(request.Id, new Signal.IdentityVerified("manual", "id card", "staff:ada"),
            new SignalSource("staff", null), CancellationToken.None);
        var resumed = await store.FindAsync(request.TenantId, request.Reference, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(waiting!.Status, Is.EqualTo("awaiting-identity"));
            Assert.That(waiting.Clock.Stops, Is.Empty);
            Assert.That(stopped!.Clock.OpenStop?.Reason, Is.EqualTo("identity-proof"));
            Assert.That(resumed!.Clock.OpenStop, Is.Null);
            Assert.That(resumed.Clock.Stops, Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task A_signal_for_an_unknown_request_changes_nothing() =>
        Assert.That((await Processor.ProcessAsync(Guid.NewGuid(), new Signal.Start(), new SignalSource("staff", null),
                CancellationToken.None)).Result,
            Is.EqualTo(SignalResult.NotFound));
}
