using Dapper;
using Npgsql;
using DsarEngine.Server.Requests;
using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.Workflow;

internal enum WorkflowCommandStatus
{
    Applied,
    NotApplicable,
    Refused,
    RequestNotFound,
    NoWorkflow,
    // The instance moved on since the caller looked (someone else acted): nothing was changed.
    Stale,
}

// What became of a person's command: the request and its instance as they are afterwards, and why it was refused.
internal sealed record WorkflowCommandResult(WorkflowCommandStatus Status, StoredRequest? Request = null, WorkflowInstance? Instance = null,
    SignalOutcome? Outcome = null);

// The workflow as people act on it: read where a request stands, send it a command. The staff API's endpoints are thin
// adapters over this service, and the inbox calls the same methods in-process, so both run the same signals through
// the same one-transaction path. Every call is scoped by the caller's organisation.
internal sealed partial class WorkflowService(RequestStore requests, InstanceStore instances, SignalProcessor processor,
    Representatives.RepresentativeStore representatives, Workflows.Definitions.DefinitionCatalog definitions)
{
    public async Task<(StoredRequest Request, WorkflowInstance? Instance)?> FindAsync(
        Guid tenantId, string reference, CancellationToken ct) =>
        await requests.FindAsync(tenantId, reference, ct) is { } request
            ? (request, await instances.FindAsync(tenantId, request.Id, ct))
            : null;

    public async Task<WorkflowCommandResult> SendAsync(Guid tenantId, string reference, Signal signal, CancellationToken ct) =>
        await requests.FindAsync(tenantId, reference, ct) is { } request
            ? await SendAsync(request, signal, ct)
            : new WorkflowCommandResult(WorkflowCommandStatus.RequestNotFound);

    // expectedVersion: the instance version the person saw. Checked under the instance's lock, inside the signal's
    // transaction, so a person acting on a page someone else has since changed is told so and changes nothing.
    public async Task<WorkflowCommandResult> SendAsync(StoredRequest request, Signal signal, CancellationToken ct,
        int? expectedVersion = null)
    {
        if (await HeldForProofAsync(request, signal, ct) is { } held)
            return new WorkflowCommandResult(WorkflowCommandStatus.Refused, request,
                await instances.FindAsync(request.TenantId, request.Id, ct), held);
        var stale = false;
        Func<NpgsqlConnection, NpgsqlTransaction, Task<bool>>? guard = expectedVersion is { } expected
            ? async (c, tx) => !(stale = await c.ExecuteScalarAsync<int>(
                new CommandDefinition(VersionSql, new { request.Id }, tx, cancellationToken: ct)) != expected)
            : null;
        var outcome = await processor.ProcessAsync(request.Id, signal, new SignalSource("staff", null), ct, guard);
        if (outcome.Result == SignalResult.NotFound)
            return new WorkflowCommandResult(WorkflowCommandStatus.NoWorkflow, request);
        var status = outcome.Result switch
        {
            SignalResult.Applied => WorkflowCommandStatus.Applied,
            SignalResult.Refused => WorkflowCommandStatus.Refused,
            _ when stale => WorkflowCommandStatus.Stale,
            _ => WorkflowCommandStatus.NotApplicable,
        };
        return new WorkflowCommandResult(status, request, await instances.FindAsync(request.TenantId, request.Id, ct), outcome);
    }

    private const string VersionSql = "SELECT version FROM workflow_instances WHERE request_id = @Id";
}
