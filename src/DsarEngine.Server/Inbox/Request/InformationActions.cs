using DsarEngine.Server.Conversations;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Workflow;
using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.Inbox.Request;

// "Ask the subject for more information" and "Resume the clock": offered while the workflow runs. The question's dialog
// says before anyone confirms whether the clock will stop under the request's regime; while the clock is stopped, the page
// offers to resume it instead (a second stop would be refused).
internal static class InformationActions
{
    public static IEnumerable<PageAction> For(WorkflowView? workflow, StaffRequestView request)
    {
        if (workflow is null || workflow.Status == InstanceStatus.Closed)
            yield break;
        if (request.Deadline.Stops.FirstOrDefault(s => s.End is null) is { } open)
        {
            yield return new(ActionKind.ResumeClock, "Resume the clock",
                $"Restarts the clock, stopped since {open.Start:yyyy-MM-dd} ({open.Reason}); the due date is computed again " +
                "and the journal records who resumed it.", "Note (optional): what arrived; no personal data, it goes into the journal");
            yield break;
        }
        var clock = ConversationService.ClockOn(request.Regime, request.Right, request.Deadline.EffectiveDue is not null);
        yield return new(ActionKind.AskForInformation, "Ask for more information",
            "Sends the subject your question by e-mail, in their language, and lists it under Messages. " + clock.Explanation +
            (clock.Stops ? " If the clock cannot stop, nothing is sent." : ""),
            "What you need from the subject (sent to them as written)", InputRequired: true);
    }

    // What became of the question, in words for the person who asked it.
    public static ActionResult Words(ConversationOutcome outcome) => outcome.Status switch
    {
        ConversationStatus.Done when outcome.ClockStopped => new(true,
            "Done: your question is on its way to the subject by e-mail, and the clock is stopped until you resume it."),
        ConversationStatus.Done => new(true, "Done: your question is on its way to the subject by e-mail. The clock keeps running."),
        ConversationStatus.ClockRefused => new(false, $"Refused: {outcome.Detail} Nothing was sent and nothing was changed."),
        ConversationStatus.RequestNotFound => new(false, "This request is not in your organisation. Nothing was changed."),
        _ => new(false, $"Nothing was sent: {outcome.Detail}"),
    };
}
