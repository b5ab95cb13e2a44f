using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.Workflow;

// Grounds: an objection's assessment (GDPR Art. 21(1)); Review: the human review of an automated decision (Art. 22(3)).
internal sealed record DecisionBody(
    string? Step, string? Outcome, string? Reason, string[]? Exemptions, string? Grounds = null, ReviewBody? Review = null)
{
    // assess partial on an erasure (GDPR Art. 17(3)): the categories kept, why, and in which system (absent: every system).
    public KeepBody[]? Keep { get; init; }
}

internal sealed record KeepBody(string? Category, string? LegalBasis, string? System);

internal sealed record ReviewBody(string? Result, string? Explanation, string? Logic, string? Significance, string? Consequences);

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
        if (body.Grounds is { Length: > 2000 })
            errors["grounds"] = ["At most 2000 characters."];
        var review = body.Review is null ? null : Review(body.Review, body.Outcome, errors);
        var keep = body.Keep ?? [];
        if (keep.Length > 0 && body.Outcome != Decisions.Partial)
            errors["keep"] = ["Only with a partial answer: the categories an erasure keeps under GDPR Art. 17(3)."];
        else if (keep.Length > 50 || keep.Any(k => string.IsNullOrWhiteSpace(k.Category) || k.Category.Length > 100
            || string.IsNullOrWhiteSpace(k.LegalBasis) || k.LegalBasis.Length > 500 || k.System is { Length: > 100 }))
            errors["keep"] = ["At most 50 entries, each with a category (at most 100 characters), the legal basis for keeping it " +
                "(at most 500, e.g. 'Art. 17(3)(e): pending litigation') and optionally the system (a connector name)."];
        return errors.Count > 0 ? (null, errors)
            : (new Signal.Decision(body.Step!, body.Outcome!, body.Reason?.Trim(), body.Exemptions ?? [], actor)
            {
                Grounds = string.IsNullOrWhiteSpace(body.Grounds) ? null : body.Grounds.Trim(), Review = review,
                Keep = [.. keep.Select(k => new ErasureExemption(k.Category!.Trim(), k.LegalBasis!.Trim(),
                    string.IsNullOrWhiteSpace(k.System) ? null : k.System.Trim()))],
            }, errors);
    }

    // GDPR Art. 22(3) and 15(1)(h): every part of the review is told to the subject, so every part is required.
    private static AutomatedDecisionReview? Review(ReviewBody body, string? outcome, Dictionary<string, string[]> errors)
    {
        if (outcome != Decisions.Proceed)
            errors["review"] = ["Only with the outcome proceed: a refusal gives its reason instead."];
        if (body.Result is null || !AutomatedDecisionReview.Results.Contains(body.Result))
            errors["review.result"] = [$"One of: {string.Join(", ", AutomatedDecisionReview.Results)}."];
        string Text(string? value, string field, string what)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Length > 2000)
                errors[$"review.{field}"] = [$"Required (at most 2000 characters): {what}"];
            return value?.Trim() ?? "";
        }
        var review = new AutomatedDecisionReview(body.Result ?? "",
            Text(body.Explanation, "explanation", "why the decision was upheld or changed, as told to the subject."),
            Text(body.Logic, "logic", "the logic involved in the automated decision (Art. 15(1)(h))."),
            Text(body.Significance, "significance", "the significance of the processing for the subject (Art. 15(1)(h))."),
            Text(body.Consequences, "consequences", "its envisaged consequences for the subject (Art. 15(1)(h))."));
        return errors.Keys.Any(k => k.StartsWith("review", StringComparison.Ordinal)) ? null : review;
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
