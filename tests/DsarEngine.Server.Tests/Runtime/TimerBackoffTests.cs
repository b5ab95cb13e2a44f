using Dapper;
using DsarEngine.Server.Workflow;
using DsarEngine.Server.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DsarEngine.Server.Tests.Runtime;

// A timer whose signal cannot be applied backs off (attempts and the next due time on its row) instead of being tried
// at every poll forever, and fires once the cause is gone. The test drives the poller itself, on a clock it moves.
public sealed class TimerBackoffTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private FakeTimeProvider time = null!;
    private EngineFactory engine = null!;
    private TimerPoller poller = null!;

    // Every test starts at Start. FakeTimeProvider only moves forward, so each test gets its own clock and engine.
    [SetUp]
    public async Task StartEngine()
    {
        time = new FakeTimeProvider(Start);
        engine = await EngineFactory.StartAsync(new Dictionary<string, string?> { ["Dsar:Runtime:Workers"] = "false" }, time);
        poller = ActivatorUtilities.CreateInstance<TimerPoller>(engine.Services);
    }

    [TearDown]
    public async Task StopEngine()
    {
        poller.Dispose();
        await engine.DisposeAsync();
    }

    private sealed record Timer(int Attempts, DateTimeOffset DueAt, DateTimeOffset? FiredAt, string? LastError)
    {
        private Timer() : this(0, default, null, null) { }
    }

    private sealed record Instance(string Status, string? WaitingFor, string? LastError)
    {
        private Instance() : this("", null, null) { }
    }

    private async Task<(Guid Id, string Reference, TestTenant Tenant)> SubmitAsync()
    {
        var tenant = await TestTenant.CreateAsync(engine);
        var reference = await RequestDriver.SubmitAsync(engine, tenant, "access");
        return (await Rows.ScalarAsync<Guid>(engine, "SELECT id FROM requests WHERE reference = @reference", new { reference }),
            reference, tenant);
    }

    private async Task<(Timer Timer, Instance Instance, string RequestStatus, long Incidents)> ReadAsync(Guid request)
    {
        await using var c = new NpgsqlConnection(engine.ConnectionString);
        return (
            await c.QuerySingleAsync<Timer>(
                "SELECT attempts, due_at, fired_at, last_error FROM timers WHERE request_id = @request AND kind = 'start'",
                new { request }),
            await c.QuerySingleAsync<Instance>(
                "SELECT status, waiting_for, last_error FROM workflow_instances WHERE request_id = @request", new { request }),
            await c.ExecuteScalarAsync<string>("SELECT status FROM requests WHERE id = @request", new { request }) ?? "",
            await c.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM request_journal WHERE request_id = @request AND kind = 'incident'", new { request }));
    }

    private async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var c = new NpgsqlConnection(engine.ConnectionString);
        await c.ExecuteAsync(sql, parameters);
    }

    [Test]
    public async Task
        A_request_whose_definition_version_is_gone_is_shown_as_needing_attention_and_its_start_timer_backs_off_until_it_is_back()
    {
        var (request, _, _) = await SubmitAsync();
        await ExecuteAsync("UPDATE workflow_instances SET definition_version = 99 WHERE request_id = @request", new { request });

        await poller.FireDueAsync(CancellationToken.None);
        var first = await ReadAsync(request);
        await poller.FireDueAsync(CancellationToken.None); // the next poll, at the same moment: not tried again
        var samePoll = await ReadAsync(request);
        time.Advance(TimeSpan.FromSeconds(5));
        await poller.FireDueAsync(CancellationToken.None);
        var second = await ReadAsync(request);

        await ExecuteAsync("UPDATE workflow_instances SET definition_version = 1 WHERE request_id = @request", new { request });
        time.Advance(TimeSpan.FromSeconds(10));
        await poller.FireDueAsync(CancellationToken.None);
        var restored = await ReadAsync(request);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((first.Timer.Attempts, first.Timer.DueAt, first.Timer.FiredAt),
                Is.EqualTo((1, Start.AddSeconds(5), (DateTimeOffset?)null)));
            Assert.That(first.Timer.LastError, Does.Contain("access@99 is not loaded"));
            Assert.That((first.Instance.Status, first.RequestStatus), Is.EqualTo(("pending", "needs-attention")),
                "not started, and shown to staff");
            Assert.That(first.Instance.LastError, Does.Contain("put its file back"));
            Assert.That(samePoll.Timer.Attempts, Is.EqualTo(1));
            Assert.That((second.Timer.Attempts, second.Timer.DueAt), Is.EqualTo((2, Start.AddSeconds(5 + 10))), "5 s, then 10 s");
            Assert.That(second.Incidents, Is.EqualTo(1), "journaled once, not at every attempt");
            Assert.That(restored.Timer.FiredAt, Is.Not.Null, "it fires once the version is back");
            Assert.That((restored.Instance.Status, restored.Instance.WaitingFor, restored.Instance.LastError),
                Is.EqualTo(("waiting", "identity", (string?)null)));
        }
    }

    [Test]
    public async Task A_timer_whose_signal_fails_backs_off_and_its_request_is_left_as_it_was()
    {
        var (request, _, _) = await SubmitAsync();
        var name = $"skip_{request:N}";
        // Updates of this request are silently dropped: the signal transaction must refuse to go on without its request.
        await ExecuteAsync($"""
            CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW.id = '{request}' THEN RETURN NULL; END IF; RETURN NEW; END $$;
            CREATE TRIGGER {name} BEFORE UPDATE ON requests FOR EACH ROW EXECUTE FUNCTION {name}();
            """);
        (Timer Timer, Instance Instance, string RequestStatus, long Incidents) failed, samePoll;
        try
        {
            await poller.FireDueAsync(CancellationToken.None);
            failed = await ReadAsync(request);
            await poller.FireDueAsync(CancellationToken.None);
            samePoll = await ReadAsync(request);
        }
        finally
        {
            await ExecuteAsync($"DROP TRIGGER {name} ON requests; DROP FUNCTION {name}();");
        }
        time.Advance(TimeSpan.FromSeconds(5));
        await poller.FireDueAsync(CancellationToken.None);
        var fixedUp = await ReadAsync(request);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((failed.Timer.Attempts, failed.Timer.DueAt, failed.Timer.FiredAt),
                Is.EqualTo((1, Start.AddSeconds(5), (DateTimeOffset?)null)));
            Assert.That(failed.Timer.LastError, Does.StartWith("InvalidOperationException: Request").And.Contain("changed concurrently"));
            Assert.That(failed.Instance.Status, Is.EqualTo("pending"), "the instance did not move without its request");
            Assert.That(samePoll.Timer.Attempts, Is.EqualTo(1), "not tried again at every poll");
            Assert.That((fixedUp.Timer.FiredAt is not null, fixedUp.Instance.WaitingFor, fixedUp.RequestStatus),
                Is.EqualTo((true, "identity", "awaiting-identity")));
        }
    }
}
