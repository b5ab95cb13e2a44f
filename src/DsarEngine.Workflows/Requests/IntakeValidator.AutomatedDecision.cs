namespace DsarEngine.Workflows.Requests;

internal static partial class IntakeValidator
{
    public const int MaxDecisionLength = 500;

    // GDPR Art. 22(3): the subject names the decision taken solely by automated means, expresses their point of view and
    // says whether they contest it. Kept as the request's details, labelled, above anything else the subject wrote, so
    // that staff read it where they read every request (the request page, the staff API).
    private static string? ValidateAutomatedDecision(IntakeAutomatedDecision? given, Right? right, string? details, IntakeErrors errors)
    {
        if (right is not Right.AutomatedDecisionReview)
        {
            if (given is not null && right is not null)
                errors.Add("automatedDecision", "Only for automated-decision-review requests.");
            return details;
        }
        var decision = given?.Decision?.Trim();
        var view = given?.PointOfView?.Trim();
        if (string.IsNullOrEmpty(decision) || decision.Length > MaxDecisionLength)
            errors.Add("automatedDecision.decision", $"Required (at most {MaxDecisionLength} characters): the decision taken by " +
                "automated means that you want a person to review, e.g. 'credit application 1234 refused on 2 March'.");
        if (string.IsNullOrEmpty(view) || view.Length > MaxDetailsLength)
            errors.Add("automatedDecision.pointOfView", $"Required (at most {MaxDetailsLength} characters): your point of view " +
                "on the decision (GDPR Art. 22(3)).");
        var contest = given?.Contest ?? true;
        var text = $"Decision to review: {decision}\nContested by the subject: {(contest ? "yes" : "no")}\nPoint of view: {view}" +
            (details is null ? "" : $"\n\n{details}");
        if (text.Length > MaxDetailsLength + MaxDecisionLength + 100)
            errors.Add("details", $"At most {MaxDetailsLength} characters with the point of view.");
        return text;
    }
}
