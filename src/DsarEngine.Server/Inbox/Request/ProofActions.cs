using DsarEngine.Server.Representatives;
using DsarEngine.Server.Workflow;
using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.Inbox.Request;

// The representative's proof on the request page (GDPR Art. 12(6), 11 CCR §7063, Va./Colo./Conn.: RepresentativeProof):
// while it is unconfirmed and the request still runs, confirming it is offered; the assessment is held until then
// (WorkflowService.HeldForProofAsync), which the page explains in words.
internal static class ProofActions
{
    public static IReadOnlyList<PageAction> For(RepresentativeView? representative, WorkflowView? workflow) =>
        representative is { Proof.Status: not RepresentativeStore.Confirmed } && workflow?.Status != InstanceStatus.Closed
            ? [new(ActionKind.ConfirmProof, "Confirm the representative's proof",
                $"Records that you checked the proof the request's law asks of the {Words(representative.Relationship)} " +
                $"({representative.Proof.Documents}; {representative.Proof.Source}). Until it is confirmed the assessment cannot " +
                "proceed, in whole or in part; refusing stays possible. The journal records that, by whom and when.",
                "What you checked (e.g. the signed permission of 2 March; the subject confirmed it by phone)", InputRequired: true)]
            : [];

    public static string Words(string relationship) => relationship.Replace('-', ' ');

    public static ActionResult Answer(ProofResult result) => result.Outcome switch
    {
        ProofOutcome.Confirmed => new(true, "Done: the representative's proof is confirmed; the assessment can proceed."),
        ProofOutcome.Invalid => new(false, "Nothing was changed: " + string.Join(" ", result.Errors!.Select(
            e => $"{e.Key}: {string.Join(" ", e.Value)}"))),
        ProofOutcome.AlreadyConfirmed => new(false, "The proof was already confirmed (see Representative). Nothing was changed."),
        ProofOutcome.NoRepresentative => new(false, "Nobody acts for the subject of this request. Nothing was changed."),
        ProofOutcome.NotFound => new(false, "This request is not in your organisation. Nothing was changed."),
        _ => new(false, "Your role can read but not change requests. Nothing was changed."),
    };

    // WorkflowService's refusal names the staff API's route; the page names its own way to confirm.
    public const string Held = "Refused: someone acts for the subject and their proof is not confirmed yet. Check it and use " +
        "\"Confirm the representative's proof\" first (see Representative); until then the assessment cannot proceed, in " +
        "whole or in part. Nothing was changed.";
}
