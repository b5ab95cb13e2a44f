using DsarEngine.Workflows.Runtime;
using DsarEngine.Server.Requests;

namespace DsarEngine.Server.Workflow;

// The workflow of a new request, pinned to its definition version, written in the intake transaction with a
// start timer due at once: if the engine dies right after answering 202, a poller starts it when one is back.
// A request a controller forwarded (channel "controller") starts identity-verified: verifying is the controller's job.
internal sealed record WorkflowStart(string DefinitionId, int DefinitionVersion)
{
    // The instance, its start timer and the pollers' wake-up, sent with the intake's other statements in one round trip.
    public static Platform.SqlStatement[] Statements(StoredRequest request, WorkflowStart start)
    {
        var instance = new WorkflowInstance(request.Id, request.TenantId, start.DefinitionId, start.DefinitionVersion, 0,
            InstanceStatus.Pending, null, new InstanceState { IdentityVerified = request.Channel == "controller" }, 0, null, 1);
        return
        [
            InstanceRows.Insert(instance, request.CreatedAt),
            RuntimeRows.Schedule(DeterministicId.From(request.Id.ToString(), TimerKinds.Start), request.TenantId, request.Id,
                TimerKinds.Start, null, request.CreatedAt, request.CreatedAt),
            RuntimeRows.Notify(RuntimeRows.TimerChannel),
        ];
    }
}
