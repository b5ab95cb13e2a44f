using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;

namespace DsarEngine.Server.Tests.TestData;

internal static class Workflows
{
    public static async Task RegisterConnectorAsync(EngineFactory engine, Guid tenantId, string name, params string[] actions)
    {
        await using var connection = new NpgsqlConnection(engine.ConnectionString);
        await connection.ExecuteAsync("""
            INSERT INTO connectors (tenant_id, name, actions, timeout_hours, bus_user, created_at)
            VALUES (@tenantId, @name, @actions, 24, @user, now())
            """, new { tenantId, name, actions, user = TestBus.User });
    }

    // Polls the workflow view until the condition holds or the (generous) deadline passes: the engine works
    // in the background (timers, outbox, bus), so the test waits for an observable outcome, not for a time. The deadline
    // only bounds a hang: a pack render queued behind the shared engine's earlier work has taken over 30 s on 2 busy cores.
    public static async Task<JsonObject> WaitForAsync(HttpClient staff, string reference, Func<JsonObject, bool> condition, string what)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        JsonObject view = [];
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            var response = await staff.GetAsync($"/api/v1/staff/requests/{reference}/workflow");
            if (response.IsSuccessStatusCode)
            {
                view = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
                if (condition(view))
                    return view;
            }
            await Task.Delay(50);
        }
        Assert.Fail($"Timed out waiting for {what}; last view: {view.ToJsonString()}");
        return view;
    }

    public static Func<JsonObject, bool> WaitingFor(string bookmark) => v => (string?)v["waitingFor"] == bookmark;

    public static bool Closed(JsonObject v) => (string?)v["status"] == "closed";
}
