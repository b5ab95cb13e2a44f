using System.Text.Json.Nodes;

namespace DsarEngine.Server.Tests.TestData;

// Runs one request to the point where a connector's task settles, and returns what the tenant's staff can read about
// it: the task in the workflow view, and the whole journal as text.
internal static class TaskRuns
{
    public static async Task<(JsonObject Task, string Journal)> RunAsync(EngineFactory engine, TestTenant tenant, string connector,
        string right, Func<JsonObject, bool> settled)
    {
        var staff = tenant.Staff(engine, "privacy-officer");
        var reference = await RequestDriver.SubmitAsync(engine, tenant, right, $"zoe.{Guid.NewGuid():N}@example.org");
        await RequestDriver.ToFanOutAsync(staff, reference);
        var view = await Workflows.WaitForAsync(staff, reference, v => settled(RequestDriver.Task(v, connector)),
            $"the {connector} task to settle");
        return (RequestDriver.Task(view, connector), await staff.GetStringAsync($"/api/v1/staff/requests/{reference}/journal"));
    }

    public static bool Failed(JsonObject task) => (string?)task["status"] is "failed";
}
