using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Faults;

// Issue 16, faults: a connector stopped past its task timeout, and a SaaS that fails every other call. The designed
// behaviour (docs/connectors.md): a task with no final answer in time is `timed-out` and the request needs attention
// (a person sees it in the inbox); a late answer is still taken and clears the incident. A retryable failure is sent
// again on the engine's own backoff (1, 5, 30 minutes: moved to now here), and the request finishes without duplicates.
[Category("Faults")]
[NonParallelizable]
public sealed class PartConnectorTests
{
    private static Task<long> NeedingAttentionAsync(PartRig rig) =>
        rig.ScalarAsync<long>("SELECT count(*) FROM workflow_instances WHERE status = 'needs-attention'");

    [Test]
    public async Task A_connector_stopped_past_its_timeout_puts_its_requests_in_front_of_a_person_and_they_finish_when_it_returns()
    {
        await using var rig = await PartRig.StartAsync();
        var before = PartRig.NewKeys(PartRig.Full ? 20 : 3).ToList();
        await rig.SubmitAsync(before, TimeSpan.FromSeconds(60));
        Assert.That(await PartRig.EventuallyAsync(async () => await rig.OpenAsync() == 0, TimeSpan.FromSeconds(60)), Is.True,
            await rig.DiagnoseAsync());
        await rig.StopConnectorAsync();
        var during = PartRig.NewKeys(PartRig.Full ? 20 : 3).ToList();
        await rig.SubmitAsync(during, TimeSpan.FromSeconds(60));
        // The commands are on the stopped connector's queue (sent from the outbox), waiting.
        Assert.That(await PartRig.EventuallyAsync(async () => await rig.ScalarAsync<long>(
                "SELECT count(*) FROM workflow_instances WHERE waiting_for = 'connectors'") == during.Count
            && await rig.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE sent_at IS NULL") == 0, TimeSpan.FromSeconds(60)),
            Is.True, await rig.DiagnoseAsync());
        // The task timeout (the step's timeoutHours, 24 here; else the connector's) passes: moved to now, not waited for.
        await rig.ScalarAsync<long>("""
            WITH moved AS (UPDATE timers SET due_at = now() WHERE kind = 'task-timeout' AND fired_at IS NULL
                AND cancelled_at IS NULL RETURNING 1) SELECT count(*) FROM moved
            """);
        var attention = await PartRig.EventuallyAsync(async () => await NeedingAttentionAsync(rig) == during.Count,
            TimeSpan.FromSeconds(60));
        var timedOut = await rig.ScalarAsync<long>(
            "SELECT count(DISTINCT request_id) FROM request_journal WHERE kind = 'connector-timed-out'");
        var reference = await rig.ScalarAsync<string>("SELECT r.reference FROM requests r "
            + "JOIN workflow_instances w ON w.request_id = r.id WHERE w.status = 'needs-attention' LIMIT 1");
        var view = await rig.Tenant.Staff(rig.Engine, "auditor")
            .GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/workflow");
        await rig.StartConnectorAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(attention, Is.True, $"every request of the stopped connector needs attention: {await rig.DiagnoseAsync()}");
            Assert.That(timedOut, Is.EqualTo(during.Count), "each has a connector-timed-out journal entry");
            Assert.That((string)RequestDriver.Task(view!, rig.ConnectorName)["status"]!, Is.EqualTo("timed-out"), "staff see why");
        }
        // The connector is back: it takes the waiting commands, answers late, and the answers close the requests.
        await rig.AssertHealedAsync(before.Count + during.Count);
        Assert.That(await NeedingAttentionAsync(rig), Is.Zero);
    }

    [Test]
    public async Task A_SaaS_failing_every_other_call_is_retried_until_every_request_finishes_once()
    {
        await using var rig = await PartRig.StartAsync(new Dictionary<string, string?> { ["Dsar:Connectors:Http:BreakSeconds"] = "1" });
        await using var saas = await NewsletterService.StartAsync();
        saas.Faults.FailEveryOther = true;
        saas.Provision(rig.Engine, rig.Tenant);
        var name = $"saas-{Guid.NewGuid():N}"[..13];
        await RequestDriver.RegisterAsync(rig.Tenant.Staff(rig.Engine, "admin"), name, saas.Registration("export"));
        var keys = PartRig.NewKeys(PartRig.Full ? 40 : 6).ToList();
        await rig.SubmitAsync(keys, TimeSpan.FromSeconds(60));
        // The engine's backoff (a minute, then five, then thirty) elapses: each retry is moved to now, every 1.5 s so that
        // the time compressed is still longer than the circuit breaker's pause (BreakSeconds 1 here, 30 by default).
        var watch = Stopwatch.StartNew();
        while (await rig.OpenAsync() > 0 && await NeedingAttentionAsync(rig) == 0 && watch.Elapsed < TimeSpan.FromSeconds(90))
        {
            await rig.ScalarAsync<long>("""
                WITH moved AS (UPDATE timers SET due_at = now() WHERE kind = 'task-retry' AND fired_at IS NULL
                    AND cancelled_at IS NULL AND due_at > now() RETURNING 1) SELECT count(*) FROM moved
                """);
            await Task.Delay(1500); // compressed backoff, not a wait for an outcome (the loop's condition is that)
        }
        var finished = await rig.OpenAsync() == 0;
        var failures = await rig.ScalarAsync<long>(
            "SELECT count(*) FROM request_journal WHERE kind = 'connector-failed' AND data::jsonb ->> 'connector' = @name", new { name });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(finished, Is.True, await rig.DiagnoseAsync());
            Assert.That(await NeedingAttentionAsync(rig), Is.Zero, $"no task gave up: {await rig.DiagnoseAsync()}");
            Assert.That(failures, Is.GreaterThanOrEqualTo(keys.Count / 2), "half the calls failed and were journaled");
            // Each task's first call fails and its second succeeds (calls the open circuit refused never reach the SaaS):
            // 2n calls; more would be a task done twice.
            Assert.That(saas.Faults.Calls, Is.EqualTo(2 * keys.Count), "each task succeeded once at the SaaS");
        }
        await rig.AssertHealedAsync(keys.Count, connectors: 2);
    }
}
