using DsarEngine.Workflows.Definitions;
using DsarEngine.Workflows.Journal;
using DsarEngine.Workflows.Journal.Entries;

namespace DsarEngine.Workflows.Runtime;

// The workflow executor: Advance(definition, instance, signal, context) -> (instance', effects). Pure and
// deterministic (no I/O, no clock but context.Now), so every path can be unit-tested and a crash can only
// ever lose a whole transaction, never half a step. It applies the signal, then runs steps until one waits.
internal static partial class Executor
{
    public static (WorkflowInstance Instance, IReadOnlyList<Effect> Effects) Advance(
        WorkflowDefinition definition, WorkflowInstance instance, Signal signal, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(instance);
        var run = new Run(definition, context);
        var next = run.Apply(instance, signal);
        while (next.Status == InstanceStatus.Running)
            next = run.Enter(next, definition.Steps[next.StepIndex]);
        return (next, run.Effects);
    }

    private sealed partial class Run(WorkflowDefinition definition, StepContext context)
    {
        public List<Effect> Effects { get; } = [];

        private void Journal<T>(T data) where T : IJournalData => Effects.Add(Effect.Journal.Of(data));

        private static WorkflowInstance Next(WorkflowInstance i) =>
            i with { StepIndex = i.StepIndex + 1, Status = InstanceStatus.Running, WaitingFor = null, Attempts = 0, LastError = null };

        private static WorkflowInstance Wait(WorkflowInstance i, string bookmark) =>
            i with { Status = InstanceStatus.Waiting, WaitingFor = bookmark };

        private WorkflowInstance Attention(WorkflowInstance i, string error)
        {
            Journal(new IncidentEntry(definition.Steps[i.StepIndex].Id, error, i.Attempts + 1));
            Effects.Add(new Effect.SetRequestStatus(Requests.RequestStatus.NeedsAttention));
            return i with { Status = InstanceStatus.NeedsAttention, LastError = error, Attempts = i.Attempts + 1 };
        }

        private WorkflowInstance JumpToClose(WorkflowInstance i)
        {
            var close = definition.IndexOf(definition.Steps.Last(s => s.Type == StepTypes.Close).Id);
            return i with { StepIndex = close, Status = InstanceStatus.Running, WaitingFor = null };
        }
    }
}
