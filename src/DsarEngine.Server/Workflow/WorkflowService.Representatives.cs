using DsarEngine.Server.Requests;
using DsarEngine.Workflows.Definitions;
using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.Workflow;

internal sealed partial class WorkflowService
{
    public const string ProofUnconfirmed = "representative-proof-unconfirmed";

    // Someone acting for the subject must show the proof the request's law asks for (a mandate, a parent's authority, a CCPA
    // agent's signed permission: RepresentativeProof) and a person must have confirmed it before the assessment proceeds
    // with the request, in whole or in part. Refusing stays possible: a request without proof may be refused for it.
    private async Task<SignalOutcome?> HeldForProofAsync(StoredRequest request, Signal signal, CancellationToken ct)
    {
        if (signal is not Signal.Decision { Outcome: Decisions.Proceed or Decisions.Partial } decision
            || await representatives.FindAsync(request.TenantId, request.Id, ct) is not { Confirmed: false } representative)
            return null;
        var instance = await instances.FindAsync(request.TenantId, request.Id, ct);
        var step = instance is null ? null
            : definitions.Find(instance.DefinitionId, instance.DefinitionVersion)?.Steps.FirstOrDefault(s => s.Id == decision.StepId);
        if (step?.Type != StepTypes.Assess)
            return null;
        var needed = Workflows.Requests.RepresentativeProof.For(request.Regime, request.Jurisdiction, representative.Relationship);
        return new SignalOutcome(SignalResult.Refused, ProofUnconfirmed,
            $"A {representative.Relationship} acts for the subject: confirm their proof first ({needed.Documents}; {needed.Source}) " +
            "at POST /api/v1/staff/requests/{reference}/representative/proof.");
    }
}
