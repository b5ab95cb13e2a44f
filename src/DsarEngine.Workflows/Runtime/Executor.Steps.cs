using DsarEngine.Workflows.Definitions;
using DsarEngine.Workflows.Journal;
using DsarEngine.Workflows.Journal.Entries;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Runtime;

internal static partial class Executor
{
    private sealed partial class Run
    {
        // Entering a step either completes it (Next), parks the instance at a bookmark (Wait) or closes it.
        public WorkflowInstance Enter(WorkflowInstance i, StepDefinition step) => step.Type switch
        {
            StepTypes.VerifyIdentity => VerifyIdentity(i, step),
            StepTypes.Acknowledge => Pass(i, new AcknowledgedEntry("the receipt e-mail sent at intake"), RequestStatus.InProgress),
            StepTypes.Assess or StepTypes.Review when step.Required || step.Type == StepTypes.Assess || ResultsNeedReview(i) =>
                Decision(i, step),
            StepTypes.Review => Pass(i, new ReviewNotRequiredEntry(step.Id), null),
            StepTypes.FanOut => FanOut(i, step),
            StepTypes.RenderPack when context.RendersPacks => RenderPack(i, step),
            StepTypes.RenderPack => Pass(i, new PackPreparedEntry(i.State.Outcome, [.. i.State.Tasks.Select(t => new JournaledTask(t.Connector, t.Action, t.Status, t.EffectiveOutcome))]), null),
            StepTypes.Deliver => Deliver(i, step),
            // After a refusal nothing was done: no recipient is told to act and no event announces an outcome.
            StepTypes.NotifyRecipients or StepTypes.PublishEvent when i.State.Outcome == "refused" =>
                Pass(i, new StepSkippedEntry(step.Id, "the request was refused"), null),
            StepTypes.NotifyRecipients => Publish(i, step, "recipients-notification-requested"),
            StepTypes.PublishEvent => Publish(i, step, step.Event ?? "unnamed"),
            StepTypes.Close => Close(i),
            _ => Attention(i, $"Unknown step type '{step.Type}'."),
        };

        // A connector registered with "results need review" makes every review step of its requests a real one.
        private bool ResultsNeedReview(WorkflowInstance i) =>
            i.State.Tasks.Any(t => context.Connectors.Any(c => c.Name == t.Connector && c.NeedsReview));

        private WorkflowInstance Pass<T>(WorkflowInstance i, T data, string? status) where T : IJournalData
        {
            Journal(data);
            if (status is not null)
                Effects.Add(new Effect.SetRequestStatus(status));
            return Next(i);
        }

        private WorkflowInstance VerifyIdentity(WorkflowInstance i, StepDefinition step)
        {
            if (i.State.IdentityVerified)
                return Next(i);
            if (step.Methods?.Contains("email") ?? true)
                Effects.Add(new Effect.CreateIdentityChallenge(TimeSpan.FromHours(step.ExpiresHours ?? 72)));
            // GDPR Art. 12(6) and the regime's policy: the clock stops while the controller waits for proof.
            if (context.ClockStops)
                Effects.Add(new Effect.StopClock("identity-proof"));
            Effects.Add(new Effect.SetRequestStatus(RequestStatus.AwaitingIdentity));
            // The e-mail is the notice; a request that came on paper also gets it as a letter to post.
            if (context.RendersPacks && context.PaperNotices)
            {
                i = i with { State = i.State with { Renders = i.State.Renders + 1 } };
                Effects.Add(new Effect.RenderNotice(RenderId(i, step.Id), Notices.IdentityRequest, new Dictionary<string, string>
                {
                    // The letter offers the e-mailed link only where one was sent.
                    ["methods"] = string.Join(',', (step.Methods ?? ["email", "manual"]).Where(m => m != "email" || context.HasEmail)),
                    ["linkExpiresIso"] = context.Now.AddHours(step.ExpiresHours ?? 72).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                    ["clockStops"] = context.ClockStops ? "true" : "false",
                }));
            }
            Journal(new IdentityRequestedEntry(step.Methods ?? ["email", "manual"]));
            return Wait(i, Bookmarks.Identity);
        }

        private WorkflowInstance Decision(WorkflowInstance i, StepDefinition step)
        {
            Effects.Add(new Effect.SetRequestStatus(RequestStatus.InProgress));
            Journal(new AwaitingDecisionEntry(step.Id, step.Type));
            return Wait(i, Bookmarks.Decision(step.Id));
        }

        // The renderer works off the transaction (a browser is slow and may die): the step waits for its answer, and
        // for no longer than the render timeout, so a render whose answer never comes is seen by a person.
        private WorkflowInstance RenderPack(WorkflowInstance i, StepDefinition step)
        {
            i = i with { State = i.State with { Renders = i.State.Renders + 1 } };
            Effects.Add(new Effect.RenderPack(RenderId(i, step.Id)));
            Effects.Add(new Effect.ScheduleTimer(TimerKinds.PackTimeout, RenderNumber(i), context.Now + context.RenderTimeout));
            Journal(new PackRequestedEntry(step.Id, i.State.Outcome, [.. i.State.Tasks.Select(t => new JournaledOutcome(t.Connector, t.EffectiveOutcome))]));
            return Wait(i, Bookmarks.Pack);
        }

        // The answer to the render awaited is taken while the step waits, and also after its timeout parked the instance:
        // the letter exists, which spares a person the retry. The answer to an earlier render, superseded by a retry,
        // changes nothing (instances from before render numbers, Renders 0, take any).
        private WorkflowInstance PackRendered(WorkflowInstance i, Signal.PackRendered rendered)
        {
            if (rendered.RenderId is { } id && i.State.Renders > 0 && id != RenderId(i, definition.Steps[i.StepIndex].Id))
                return i;
            Effects.Add(new Effect.CancelTimers(TimerKinds.PackTimeout, null));
            if (rendered.Error is { } error)
                return Attention(i, $"The response pack could not be rendered: {error}");
            Journal(new PackRenderedEntry(rendered.PackId, rendered.Sha256, rendered.Bytes, i.Status == InstanceStatus.NeedsAttention));
            return Next(i with { State = i.State with { PackId = rendered.PackId } });
        }

        private WorkflowInstance PackTimedOut(WorkflowInstance i) =>
            Attention(i, $"The response pack was not rendered in time ({context.RenderTimeout.TotalMinutes:0} minutes). Retry renders it again; a render that still arrives is taken.");

        // The command id of the instance's latest render (State.Renders), at the step that asked for it.
        private static Guid RenderId(WorkflowInstance i, string stepId) =>
            DeterministicId.From(i.RequestId.ToString(), stepId, "render", RenderNumber(i));

        private static string RenderNumber(WorkflowInstance i) => i.State.Renders.ToString(System.Globalization.CultureInfo.InvariantCulture);

        private WorkflowInstance Deliver(WorkflowInstance i, StepDefinition step)
        {
            var model = new Dictionary<string, string> { ["reference"] = context.Reference };
            // The pack's link expires 30 days after delivery; opening it re-proves control of the e-mail address.
            if (i.State.PackId is not null)
                model["packExpiresIso"] = context.Now.AddDays(30).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            Effects.Add(new Effect.Mail(i.State.Outcome == "refused" ? Mail.MailTemplates.RefusalLetter : Mail.MailTemplates.ResponseReady, model));
            return Pass(i, new DeliveredEntry(step.Id, "e-mail link"), null);
        }

        private WorkflowInstance Publish(WorkflowInstance i, StepDefinition step, string name)
        {
            var id = DeterministicId.From(i.RequestId.ToString(), step.Id, name);
            Effects.Add(new Effect.PublishEvent(id, name, new Dictionary<string, string>
            {
                ["requestId"] = i.RequestId.ToString(), ["reference"] = context.Reference, ["right"] = context.Right,
                ["outcome"] = i.State.Outcome ?? "",
            }) { Tasks = i.State.Tasks });
            return Pass(i, new EventPublishedEntry(step.Id, name, id), null);
        }

        private WorkflowInstance Close(WorkflowInstance i)
        {
            Effects.Add(new Effect.CancelTimers("*", null));
            var refused = i.State.Outcome == "refused";
            Effects.Add(new Effect.SetRequestStatus(refused ? RequestStatus.Refused : RequestStatus.Completed));
            Journal(new ClosedEntry(i.State.Outcome ?? "completed"));
            return i with { Status = InstanceStatus.Closed, WaitingFor = null };
        }
    }
}
