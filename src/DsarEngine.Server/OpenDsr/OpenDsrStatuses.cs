using System.Text.Json.Nodes;
using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.OpenDsr;

// The engine's request status in OpenDSR terms. A refusal has no OpenDSR status: it is reported as completed with
// the engine's extension { "status": "denied", "reason_codes": [...] } so that controllers that know it can tell.
internal static class OpenDsrStatuses
{
    public static (string Status, JsonObject? Extension) Of(
        string requestStatus, DateTimeOffset? cancelledAt, WorkflowInstance? instance) => requestStatus switch
    {
        _ when cancelledAt is not null => ("cancelled", null),
        // The subject withdrew it: for the controller, the request is cancelled and will not be answered.
        RequestStatus.Withdrawn => ("cancelled", null),
        RequestStatus.Received or RequestStatus.AwaitingIdentity => ("pending", null),
        // Received and acknowledged, but nobody has decided or acted yet: still pending (and cancellable, § 9).
        RequestStatus.InProgress when instance is { State: { Outcome: null, Tasks.Count: 0 } } => ("pending", null),
        RequestStatus.Refused => ("completed", Denied(instance)),
        RequestStatus.Completed or RequestStatus.Closed => ("completed", null),
        _ => ("in_progress", null),
    };

    private static JsonObject Denied(WorkflowInstance? instance) => new()
    {
        ["status"] = "denied",
        ["reason_codes"] = new JsonArray([.. (instance?.State.Exemptions is { Count: > 0 } e ? e : ["refused"]).Select(c => (JsonNode)c)]),
    };

    public static JsonObject? Extensions(string domain, JsonObject? extension) =>
        extension is null ? null : new JsonObject { [domain] = extension };
}
