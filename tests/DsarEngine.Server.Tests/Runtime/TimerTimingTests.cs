using System.Diagnostics;
using Dapper;
using DsarEngine.Server.Tests.TestData;
using Npgsql;

namespace DsarEngine.Server.Tests.Runtime;

// A timer written for later sends no wake-up: the poller sleeps until the earliest due timer instead of a whole poll
// interval, so a reminder fires on time (issue 16: p99 lateness under one second) even with a long fallback poll.
public sealed class TimerTimingTests
{
    [Test]
    public async Task A_timer_due_before_the_next_poll_fires_when_it_falls_due_not_a_poll_interval_later()
    {
        await using var engine = await EngineFactory.StartAsync(new Dictionary<string, string?>
        {
            ["Dsar:Runtime:PollMilliseconds"] = "20000",
        });
        var tenant = await TestTenant.CreateAsync(engine);
        var reference = await RequestDriver.SubmitAsync(engine, tenant, "access");
        var request = await Rows.ScalarAsync<Guid>(engine, "SELECT id FROM requests WHERE reference = @reference", new { reference });
        await using var c = new NpgsqlConnection(engine.ConnectionString);
        // The start timer fires through its wake-up.
        var bound = Stopwatch.StartNew();
        while (await c.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM timers WHERE request_id = @request AND kind = 'start' AND fired_at IS NULL", new { request }) > 0)
        {
            Assert.That(bound.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "the start timer never fired");
            await Task.Delay(50);
        }
        // A reminder due in 3 s, then one wake-up: the poller's round finds nothing due yet and goes to sleep.
        var due = TimeProvider.System.GetUtcNow().AddSeconds(3);
        await c.ExecuteAsync("""
            INSERT INTO timers (id, tenant_id, request_id, kind, step_id, due_at, created_at)
            SELECT gen_random_uuid(), tenant_id, id, 'reminder', '7', @due, now() FROM requests WHERE id = @request;
            NOTIFY dsar_timers;
            """, new { request, due });
        DateTimeOffset? fired = null;
        bound.Restart();
        while (bound.Elapsed < TimeSpan.FromSeconds(15) && fired is null)
        {
            await Task.Delay(100);
            fired = await c.ExecuteScalarAsync<DateTimeOffset?>(
                "SELECT fired_at FROM timers WHERE request_id = @request AND kind = 'reminder' AND due_at = @due", new { request, due });
        }
        Assert.That(fired, Is.Not.Null, "the reminder did not fire within 13 s of falling due (the poll interval is 20 s)");
        Assert.That(fired!.Value - due, Is.LessThan(TimeSpan.FromSeconds(1)), "lateness");
    }
}
