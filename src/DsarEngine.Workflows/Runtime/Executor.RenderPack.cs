using DsarEngine.Workflows.Definitions;
using DsarEngine.Workflows.Journal.Entries;

namespace DsarEngine.Workflows.Runtime;

// render-pack: the response pack asked of the renderer, its answer and its timeout; with rendering off, only the
// outcome recorded. The renderer's other answer, for a notice letter, is here too.
internal static partial class Executor
{
    private sealed partial class Run
    {
        // The renderer works off the transaction (a browser is slow and may die): the step waits for its answer, and
        // for no longer than the render timeout, so a render whose answer never comes is seen by a person.
        private WorkflowInstance RenderPack(WorkflowInstance i, StepDefinition step)
        {
            i = i with { State = i.State with { Renders = i.State.Renders + 1 } };
            Effects.Add(new Effect.RenderPack(RenderId(i, step.Id)));
            Effects.Add(new Effect.ScheduleTimer(TimerKinds.PackTimeout, RenderNumber(i), context.Now + context.RenderTimeout));
            Journal(new PackRequestedEntry(step.Id, i.State.Outcome,
                [.. i.State.Tasks.Select(t => new JournaledOutcome(t.Connector, t.EffectiveOutcome))]));
            return Wait(i, Bookmarks.Pack);
        }

        // Rendering is off (the host's Dsar:Packs:Render): the step records what the pack would say and moves on.
        private WorkflowInstance PackPrepared(WorkflowInstance i) =>
            Pass(i, new PackPreparedEntry(i.State.Outcome,
                [.. i.State.Tasks.Select(t => new JournaledTask(t.Connector, t.Action, t.Status, t.EffectiveOutcome))]), null);

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
            Attention(i, $"The response pack was not rendered in time ({context.RenderTimeout.TotalMinutes:0} minutes). " +
                $"Retry renders it again; a render that still arrives is taken.");

        // A notice letter (identity proof, extension) was rendered, or could not be: journaled, it moves nothing.
        private WorkflowInstance Noticed(WorkflowInstance i, Signal.NoticeRendered n)
        {
            if (n.Error is { } error)
                Journal(new NoticeNotRenderedEntry(n.Kind, error));
            else
                Journal(new NoticeRenderedEntry(n.Kind, n.PackId, n.Sha256));
            return i;
        }

        // The command id of the instance's latest render (State.Renders), at the step that asked for it.
        private static Guid RenderId(WorkflowInstance i, string stepId) =>
            DeterministicId.From(i.RequestId.ToString(), stepId, "render", RenderNumber(i));

        private static string RenderNumber(WorkflowInstance i) =>
            i.State.Renders.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
