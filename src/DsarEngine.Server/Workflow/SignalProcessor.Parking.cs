using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.Workflow;

// An instance pinned to a definition version that is not loaded (its file removed while instances still used it)
// cannot take any signal. Instead of throwing on every signal forever, it is parked once with what to do, and each
// signal is refused (slug definition-missing) without being consumed: a timer stays due and backs off, and fires
// once the file is back. A connector reply refused meanwhile is not lost for good: the task's timeout brings it back.
internal sealed partial class SignalProcessor
{
    public const string DefinitionMissing = "definition-missing";

    private static SignalOutcome MissingDefinition(WorkflowInstance i) => new(SignalResult.Refused, DefinitionMissing,
        $"The workflow definition {i.DefinitionId}@{i.DefinitionVersion} is not loaded: put its file back in the definitions folder " +
        "(a version may be removed only once no instance is pinned to it) and restart the engine; then retry the request " +
        "(one that had not started yet starts by itself).");

    // A request that never started stays pending (its start timer starts it once the file is back); any other is parked
    // in needs-attention. Either way the request shows needs-attention, and the journal says why.
    private static (WorkflowInstance, IReadOnlyList<Effect>) Park(WorkflowInstance i, string error) =>
        (i.Status == InstanceStatus.Pending ? i with { LastError = error } : i with { Status = InstanceStatus.NeedsAttention, LastError = error, Attempts = i.Attempts + 1 },
        [Effect.Journal.Of(new Workflows.Journal.Entries.IncidentEntry(null, error, i.Attempts + 1)), new Effect.SetRequestStatus(RequestStatus.NeedsAttention)]);
}
