using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Deadlines;
using DsarEngine.Server.Workflow;
using DsarEngine.Workflows.Definitions;
using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.Inbox.Request;

internal enum ActionKind
{
    VerifyIdentity, Decide, Extend, Retry, Skip, Close, RetryTask, CompleteTask, AskForInformation, ResumeClock, LiftRestriction,
    DoubtIdentity, ConfirmProof,
}

// One thing a person can do now, with what the confirmation dialog says and asks. Input: the text asked for (evidence,
// reason, note), Required when the law or the workflow needs it; Choices: e.g. the outcomes of a manual task.
internal sealed record PageAction(ActionKind Kind, string Label, string Explanation, string? InputLabel = null, bool InputRequired = false,
    string? Step = null, string? Outcome = null, Guid? TaskId = null, string? ExtraLabel = null, IReadOnlyList<string>? Choices = null)
{
    // A partial erasure's third field: the data kept under GDPR Art. 17(3), one "category | legal basis | system" per line.
    public string? KeepLabel { get; init; }
}

// What the person typed into the confirmation dialog.
internal sealed record ActionInput(string? Text, string? Extra = null, string? Choice = null)
{
    public string? Keep { get; init; }
}

// Exactly the actions the workflow's current step allows (its bookmark, its status, its tasks and the clock).
internal static class PageActions
{
    // right and purpose: the request's, for the assessments the law shapes (GDPR Art. 7(3), 21, 22).
    public static IReadOnlyList<PageAction> For(
        WorkflowView? workflow, WorkflowDefinition? definition, DeadlineView deadline, string? right = null, string? purpose = null)
    {
        if (workflow is null)
            return [];
        // GDPR Art. 18(3): a carried-out restriction can be lifted; the subject is told first, the systems 14 days later.
        if (workflow.Status == InstanceStatus.Closed)
            return definition?.Rights.Contains("restriction") == true && workflow.Outcome is "completed" or "partial"
                && workflow.LiftAt is null
                ? [new(ActionKind.LiftRestriction, "Lift the restriction",
                    "Tells the subject now, by e-mail and letter, that the restriction will be lifted in 14 days and why " +
                    "(GDPR Art. 18(3)); the systems get the lift command then.",
                    "Reason, as told to the subject", InputRequired: true)]
                : [];
        var actions = new List<PageAction>();
        if (workflow.WaitingFor == Bookmarks.Identity)
            actions.Add(new(ActionKind.VerifyIdentity, "Verify identity",
                "Records that you checked the subject's identity yourself; the workflow moves on to its next step.",
                "Evidence: how you checked it", InputRequired: true));
        // GDPR Art. 12(6): asking for proof does not stop the clock; a reasonable doubt, stated, does (where the regime allows).
        if (workflow.WaitingFor == Bookmarks.Identity && deadline.Stops.All(s => s.End is not null))
            actions.Add(new(ActionKind.DoubtIdentity, "Stop the clock for a doubt about identity",
                "Stops the legal clock until the subject's proof arrives, because you have a reasonable doubt about who made the " +
                "request (GDPR Art. 12(6)); proof arriving resumes it. Refused where the regime's clock keeps running.",
                "The reasonable doubt (it goes into the journal; no personal data)", InputRequired: true));
        if (workflow.WaitingFor?.StartsWith("decision:", StringComparison.Ordinal) == true)
            actions.AddRange(Decisions(workflow.WaitingFor["decision:".Length..], definition, right, purpose));
        if (workflow.Status == InstanceStatus.NeedsAttention)
        {
            actions.Add(new(ActionKind.Retry, "Retry the step", "Runs the step that needs attention again.", "Note (optional)"));
            actions.Add(new(ActionKind.Skip, "Skip the step", "Leaves the step that needs attention undone and moves on to the next one.",
                "Reason for skipping", InputRequired: true));
            actions.Add(new(ActionKind.Close, "Close the request", "Closes the request now; no further step runs.",
                "Reason for closing", InputRequired: true));
        }
        foreach (var task in workflow.Tasks)
        {
            var failed = ConnectorTaskStatus.NeedsAttention.Contains(task.Status);
            if (failed)
                actions.Add(new(ActionKind.RetryTask, $"Retry {task.Connector}", $"Sends the task to {task.Connector} again.",
                    TaskId: task.TaskId));
            if (failed || (task.Kind == ConnectorKinds.Manual && !ConnectorTaskStatus.Terminal.Contains(task.Status)))
                actions.Add(new(ActionKind.CompleteTask, $"Complete {task.Connector} by hand",
                    $"Records that the task of {task.Connector} was done by hand, with its outcome; it goes into the journal.",
                    "Note: what was done, by whom, where", InputRequired: true, TaskId: task.TaskId,
                    ExtraLabel: "Data kept, one per line: category | legal basis (required for a partial outcome)",
                    Choices: TaskOutcomes.All.ToList()));
        }
        if (deadline.CanStillExtend)
            actions.Add(new(ActionKind.Extend, "Extend the deadline",
                $"Extends the deadline once (to {deadline.ExtendedDue:yyyy-MM-dd} if computed); " +
                "the subject is told the reasons (GDPR Art. 12(3)).",
                "Reasons for the extension, as told to the subject", InputRequired: true));
        return actions;
    }

    public const string ErasureKeepLabel =
        "Data kept (GDPR Art. 17(3)), one per line: category | legal basis | system (optional; none: every system)";

    private static IEnumerable<PageAction> Decisions(string stepId, WorkflowDefinition? definition, string? right, string? purpose)
    {
        var type = definition?.Steps.FirstOrDefault(s => s.Id == stepId)?.Type;
        if (type == StepTypes.Review)
        {
            yield return new(ActionKind.Decide, "Approve the letter", "Approves the response letter as rendered; the workflow delivers it.",
                "Note (optional)", Step: stepId, Outcome: Workflows.Runtime.Decisions.Approve);
            yield return new(ActionKind.Decide, "Reject the letter",
                "Rejects the letter; it is rendered again after the change you describe.",
                "Reason for rejecting", InputRequired: true, Step: stepId, Outcome: Workflows.Runtime.Decisions.Reject);
            yield break;
        }
        if (AssessmentActions.For(stepId, right, purpose) is { } shaped)
        {
            foreach (var action in shaped)
                yield return action;
            yield break;
        }
        yield return new(ActionKind.Decide, "Proceed", "Assesses the request as valid; the connected systems are asked next.",
            "Note (optional)", Step: stepId, Outcome: Workflows.Runtime.Decisions.Proceed);
        yield return new(ActionKind.Decide, "Proceed in part",
            "Answers the request in part, applying the exemptions you name; the letter gives the subject your reasons and the " +
            "right to complain and to a judicial remedy (GDPR Art. 12(4)).",
            "Reasons for answering only in part, as told to the subject", InputRequired: true, Step: stepId,
            Outcome: Workflows.Runtime.Decisions.Partial,
            ExtraLabel: "Exemptions applied, one per line (required)")
        {
            // GDPR Art. 17(3): what an erasure keeps, and why; the systems are told to keep it and the letter says so.
            KeepLabel = right == "erasure" ? ErasureKeepLabel : null,
        };
        yield return new(ActionKind.Decide, "Refuse", "Refuses the request; the subject is told why and how to complain (GDPR Art. 12(4)).",
            "Reasons for refusing, as told to the subject", InputRequired: true, Step: stepId, Outcome: Workflows.Runtime.Decisions.Refuse);
    }
}
