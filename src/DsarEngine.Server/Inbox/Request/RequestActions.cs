using DsarEngine.Server.Connectors;
using DsarEngine.Server.Deadlines;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Workflow;
using DsarEngine.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DsarEngine.Server.Inbox.Request;

// What became of an action, in words for the person who took it.
internal sealed record ActionResult(bool Succeeded, string Message);

// The request page's actions. Each asks InboxUser for a writer at the moment it runs (an auditor's forged call is refused
// here, not only by a hidden button), then runs the very validation and service the staff API runs, so the same signal
// takes the same one-transaction path and is journaled with the person as actor.
internal sealed class RequestActions(
    InboxUser inboxUser, RequestStore requests, WorkflowService workflows, TaskCommands tasks, ClockCommands clock,
    Conversations.ConversationService conversations, RequestAssignment assignment, Representatives.ProofConfirmation proofs,
    TimeProvider time)
{
    public async Task<ActionResult> RunAsync(string reference, PageAction action, ActionInput input, int? seenVersion, CancellationToken ct)
    {
        var (writer, refused) = await PageWriter.CheckAsync(inboxUser, assignment, reference, ct);
        if (writer is not { } user)
            return refused!;
        if (action.Kind == ActionKind.ConfirmProof)
            return ProofActions.Answer(await proofs.ConfirmAsync(user, reference, input.Text, ct));
        if (action.Kind == ActionKind.Extend)
            return Answer(
                await clock.ExtendAsync(user, reference, new ClockCommandBody(input.Text, null), ct), "The deadline was extended.");
        if (action.Kind == ActionKind.AskForInformation)
            return InformationActions.Words(
                await conversations.AskForInformationAsync(user.Tenant(), reference, input.Text, user.Actor(), ct));
        if (action.Kind == ActionKind.DoubtIdentity)
            return Answer(await clock.StopAsync(user, reference, new ClockCommandBody("identity-proof", Blank(input.Text)), ct),
                "The clock is stopped until the proof arrives; verifying the identity resumes it (see Clock).");
        if (action.Kind == ActionKind.ResumeClock)
            return Answer(await clock.ResumeAsync(user, reference, new ClockCommandBody(null, Blank(input.Text)), ct),
                "The clock runs again; the due date was computed again (see Clock).");
        if (await requests.FindAsync(user.Tenant(), reference, ct) is not { } request)
            return new(false, "This request is not in your organisation. Nothing was changed.");
        if (action.Kind == ActionKind.CompleteTask)
        {
            var (completion, errors) = new CompleteTaskBody(input.Choice, input.Text, Retained(input.Extra), null).Check();
            return completion is null ? Invalid(errors)
                : Answer(await tasks.CompleteAsync(request, action.TaskId!.Value, completion, user.Actor(), ct, seenVersion), action);
        }
        var (signal, invalid) = ToSignal(action, input, user.Actor(), time.GetUtcNow());
        return signal is null ? Invalid(invalid) : Answer(await workflows.SendAsync(request, signal, ct, seenVersion), action);
    }

    private static (Signal?, Dictionary<string, string[]>) ToSignal(PageAction action, ActionInput input, string actor,
        DateTimeOffset now) =>
        action.Kind switch
        {
            ActionKind.VerifyIdentity => WorkflowCommands.Identity(new IdentityBody(input.Text), actor),
            // GDPR Art. 22(3): the review's result is the choice, its reasons the text, and logic, significance and
            // consequences the three lines (AssessmentActions).
            ActionKind.Decide when action.Choices is { Count: > 0 } => WorkflowCommands.Decision(
                new DecisionBody(action.Step, action.Outcome, null, [], Review: AssessmentActions.Review(input)), actor),
            // GDPR Art. 17(3): a partial erasure names what it keeps; checked as the staff API checks DecisionBody.Keep.
            ActionKind.Decide => WorkflowCommands.Decision(
                new DecisionBody(action.Step, action.Outcome, Blank(input.Text), Lines(input.Extra)) { Keep = Kept(input.Keep) }, actor),
            ActionKind.Retry => WorkflowCommands.Retry(new ReasonBody(input.Text), actor),
            ActionKind.Skip => WorkflowCommands.Skip(new ReasonBody(input.Text), actor),
            ActionKind.Close => WorkflowCommands.Close(new ReasonBody(input.Text), actor),
            ActionKind.RetryTask => (new Signal.RetryTask(action.TaskId!.Value, actor), []),
            ActionKind.LiftRestriction => LiftCommand.ToSignal(new LiftBody(input.Text, null), actor, now),
            _ => (null, new() { ["action"] = ["This action is not known."] }),
        };

    private static ActionResult Answer(WorkflowCommandResult result, PageAction action)
    {
        var now = result.Instance is { } i
            ? $"The workflow is now {i.Status}{(RequestPageQueries.WaitingText(i.WaitingFor) is { } w ? $", waiting for {w}" : "")}."
            : "";
        return result.Status switch
        {
            WorkflowCommandStatus.Applied => new(true, $"Done: {action.Label}. {now}"),
            WorkflowCommandStatus.Stale => new(false, "Someone else acted on this request since the page was loaded. "
                + $"Nothing was changed. {now} Check the page again before acting."),
            WorkflowCommandStatus.Refused when result.Outcome?.Slug == WorkflowService.ProofUnconfirmed => new(false, ProofActions.Held),
            WorkflowCommandStatus.Refused => new(false, $"Refused: {result.Outcome?.Reason} Nothing was changed."),
            WorkflowCommandStatus.NoWorkflow => new(false, "This request has no workflow yet. Nothing was changed."),
            WorkflowCommandStatus.RequestNotFound => new(false, "This request is not in your organisation. Nothing was changed."),
            _ => new(false, $"The workflow is not waiting for this (any more). Nothing was changed. {now}"),
        };
    }

    private static ActionResult Answer(Results<Ok<StaffRequestView>, ValidationProblem, ProblemHttpResult> result, string done) =>
        result.Result switch
        {
            Ok<StaffRequestView> => new(true, done),
            ValidationProblem v => Invalid(v.ProblemDetails.Errors.ToDictionary()),
            ProblemHttpResult p => new(false, $"{p.ProblemDetails.Title} {p.ProblemDetails.Detail}".Trim()),
            _ => new(false, "Nothing was changed."),
        };

    private static ActionResult Invalid(IDictionary<string, string[]> errors) =>
        new(false, "Nothing was changed: " + string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string[] Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // "category | legal basis" per line; a line without a basis is passed on incomplete so that the check names it.
    private static RetainedBody[] Retained(string? text) => [.. Lines(text).Select(l => l.Split('|', 2, StringSplitOptions.TrimEntries))
        .Select(p => new RetainedBody(p[0], p.Length > 1 ? p[1] : null, null))];

    // "category | legal basis | system" per line; a part left out is passed on empty so that the check names it. No line: null.
    private static KeepBody[]? Kept(string? text) => Lines(text) is { Length: > 0 } lines
        ? [.. lines.Select(l => l.Split('|', 3, StringSplitOptions.TrimEntries))
            .Select(p => new KeepBody(p[0], Blank(p.ElementAtOrDefault(1)), Blank(p.ElementAtOrDefault(2))))]
        : null;
}
