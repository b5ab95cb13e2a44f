using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.Workflow;

internal sealed record DecisionBody(string? Step, string? Outcome, string? Reason, string[]? Exemptions);

internal sealed record IdentityBody(string? Evidence);

internal sealed record ReasonBody(string? Reason);

// Validates command bodies into signals; every refusal names the field.
internal static class WorkflowCommands
{
    private static readonly HashSet<string> Outcomes =
        [Decisions.Proceed, Decisions.Partial, Decisions.Refuse, Decisions.Approve, Decisions.Reject];

    public static (Signal?, Dictionary<string, string[]>) Decision(DecisionBody body, string actor)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Step))
            errors["step"] = ["Required: the id of the step being decided (see GET …/workflow)."];
        if (body.Outcome is null || !Outcomes.Contains(body.Outcome))
            errors["outcome"] = [$"One of: {string.Join(", ", Outcomes)}."];
        if (body.Outcome is Decisions.Refuse or Decisions.Reject or Decisions.Partial && string.IsNullOrWhiteSpace(body.Reason))
            errors["reason"] = ["Required when refusing (in whole or in part) or rejecting: the subject is told why (GDPR Art. 12(4))."];
        if (body.Outcome == Decisions.Partial && (body.Exemptions is null || body.Exemptions.Length == 0))
            errors["exemptions"] = ["Required for a partial answer: the exemptions applied (e.g. rights of others, legal privilege)."];
        if (body.Reason is { Length: > 2000 })
            errors["reason"] = ["At most 2000 characters."];
        return errors.Count > 0 ? (null, errors)
            : (new Signal.Decision(body.Step!, body.Outcome!, body.Reason?.Trim(), body.Exemptions ?? [], actor), errors);
    }

    public static (Signal?, Dictionary<string, string[]>) Identity(IdentityBody body, string actor) =>
        string.IsNullOrWhiteSpace(body.Evidence) || body.Evidence.Length > 2000
            ? (null, new Dictionary<string, string[]>
            {
                ["evidence"] =
                [
                    "Required (at most 2000 characters): how the identity was checked, " +
                    "e.g. 'matched account e-mail and last order number'.",
                ],
            })
            : (new Signal.IdentityVerified("manual", body.Evidence.Trim(), actor), []);

    public static (Signal?, Dictionary<string, string[]>) Retry(ReasonBody body, string actor) => (new Signal.Retry(actor), []);

    public static (Signal?, Dictionary<string, string[]>) Skip(ReasonBody body, string actor) =>
        Reasoned(body, r => new Signal.Skip(actor, r));

    public static (Signal?, Dictionary<string, string[]>) Close(ReasonBody body, string actor) =>
        Reasoned(body, r => new Signal.Close(actor, r));

    private static (Signal?, Dictionary<string, string[]>) Reasoned(ReasonBody body, Func<string, Signal> make) =>
        string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > 2000
            ? (null, new Dictionary<string, string[]> { ["reason"] = ["Required (at most 2000 characters)."] })
            : (make(body.Reason.Trim()), []);
}
