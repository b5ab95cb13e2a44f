namespace DsarEngine.Workflows.Runtime;

// One running workflow: a request's progress through its pinned definition (Id@Version). The step pointer,
// what it waits for (a bookmark) and the per-step state live here; the executor is the only thing that
// changes them, one signal at a time.
internal sealed record WorkflowInstance(
    Guid RequestId,
    Guid TenantId,
    string DefinitionId,
    int DefinitionVersion,
    int StepIndex,
    string Status,
    string? WaitingFor,
    InstanceState State,
    int Attempts,
    string? LastError,
    int Version);

internal static class InstanceStatus
{
    public const string Pending = "pending";         // stored at intake; the start timer brings it to life
    public const string Running = "running";         // only ever seen inside the executor
    public const string Waiting = "waiting";         // at a bookmark (WaitingFor)
    public const string NeedsAttention = "needs-attention";
    public const string Closed = "closed";
}

// What a waiting instance is waiting for.
internal static class Bookmarks
{
    public const string Identity = "identity";
    public const string Connectors = "connectors";
    public const string Pack = "pack";

    public static string Decision(string stepId) => $"decision:{stepId}";
}
