using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Connectors.Http;

// M10: a callback is stored before it is answered, delivered whenever the broker is there, and a replay changes nothing.
public sealed partial class HttpCallbackEdgeTests
{
    [Test]
    public async Task The_same_signed_callback_sent_twice_stores_one_export_and_one_reply()
    {
        var (saas, callbacks, staff, reference, name) = await TaskWaitingForCallbackAsync();
        await using var _ = saas;
        var callback = await callbacks.NextAsync();
        using var client = engine.CreateClient();
        var first = await client.SendAsync(callback.Request());
        var replayed = await client.SendAsync(callback.Request());
        var view = await TestData.Workflows.WaitForAsync(staff, reference, v => (string)RequestDriver.Task(v, name)["status"]! == "done",
            "the export to be accepted");
        var task = RequestDriver.Task(view, name);
        var taskId = Guid.Parse((string)task["taskId"]!);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(replayed.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), "a replay is answered like the original");
            Assert.That(await CountAsync("SELECT count(DISTINCT export_id) FROM connector_exports WHERE task_id = @taskId", new { taskId }),
                Is.EqualTo(1));
            Assert.That(await CountAsync("SELECT count(*) FROM connector_exports WHERE task_id = @taskId", new { taskId }), Is.EqualTo(1),
                "one chunk, stored once");
            Assert.That(await CountAsync(
                    "SELECT count(*) FROM outbox WHERE body -> 'task' ->> 'taskId' = @id AND message_type LIKE '%ConnectorTaskCompleted'",
                    new { id = taskId.ToString() }),
                Is.EqualTo(1));
            Assert.That((int)task["export"]!["records"]!, Is.GreaterThan(0));
        }
    }

    [Test]
    public async Task A_callback_accepted_while_the_bus_is_unreachable_is_delivered_when_it_is_back()
    {
        var (saas, callbacks, staff, reference, name) = await TaskWaitingForCallbackAsync();
        await using var _ = saas;
        var callback = await callbacks.NextAsync();
        HttpResponseMessage accepted;
        long waiting;
        gate.Close();
        try
        {
            using var client = engine.CreateClient();
            accepted = await client.SendAsync(callback.Request());
            waiting = await CountAsync("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND message_type LIKE '%ConnectorTaskCompleted'");
        }
        finally
        {
            gate.Reopen();
        }
        var view = await WaitLongAsync(staff, reference, v => (string)RequestDriver.Task(v, name)["status"]! == "done");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(waiting, Is.EqualTo(1), "stored, waiting for the broker");
            Assert.That((int)RequestDriver.Task(view, name)["export"]!["records"]!, Is.GreaterThan(0));
        }
    }

    // The broker comes back on MassTransit's reconnect schedule, so this wait is longer than the usual 30 s.
    private static async Task<JsonObject> WaitLongAsync(HttpClient staff, string reference, Func<JsonObject, bool> condition)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        JsonObject view = [];
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            view = (await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/workflow"))!;
            if (condition(view))
                return view;
            await Task.Delay(200);
        }
        // What the relay made of it, and whether the engine sees the broker, to tell the two apart.
        var row = await Rows.ScalarAsync<string?>(engine,
            "SELECT format('sent_at=%s attempts=%s last_error=%s', sent_at, attempts, last_error) FROM outbox "
                + "WHERE message_type LIKE '%ConnectorTaskCompleted' AND sent_at IS NULL LIMIT 1", new { });
        var broker = await staff.GetAsync("/health/broker");
        Assert.Fail($"The callback was not delivered after the broker came back; outbox: {row ?? "all sent"}; "
            + $"/health/broker: {(int)broker.StatusCode} "
            + $"{await broker.Content.ReadAsStringAsync()}; last view: {view.ToJsonString()}");
        return view;
    }
}
