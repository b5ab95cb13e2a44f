using DsarEngine.Server.Requests;
using DsarEngine.Server.Workflow;
using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.Demo;

// Where a sample request is left for the newcomer to find.
internal enum DemoState
{
    // Waiting for the subject to prove who they are (GDPR Art. 12(6)): the e-mailed link is out.
    AwaitingIdentity,
    // Identity checked by staff, nobody has assessed it yet: the team's new work.
    New,
    // Assessed (proceed): the systems are asked to act and their tasks are open.
    InConnectors,
    // Logged by staff with a receipt weeks ago and still unassessed: past its due date.
    Overdue,
    // Closed by an operator with a reason.
    Closed,
    // The systems were asked and none answered in time: the workflow needs a person (retry, complete by hand, skip).
    NeedsAttention,
    // Every system's task settled by hand, the response letter rendered: waiting for a person to approve it.
    AwaitingReview,
}

// Moves a sample request along through the signals staff send (the staff API and the inbox call WorkflowService the
// same way) and, for the one needing attention, the task timeouts the timer poller sends, in the seeding transaction's
// wake: nothing is written behind the workflow's back.
internal sealed class DemoStates(SignalProcessor processor, WorkflowService workflows, ILogger<DemoStates> log)
{
    private const string Actor = "demo-seed";

    // The first samples each show one state; the rest (and the processor's, always last) wait for identity.
    // The right follows the index (DemoSamples.SampleRights): 3 is portability, 6 is access.
    public static DemoState For(int index, int count) => index == count - 1 ? DemoState.AwaitingIdentity : index switch
    {
        0 => DemoState.New,
        1 => DemoState.InConnectors,
        2 => DemoState.Overdue,
        // Portability: its definition's review is required, so the rendered letter waits for approval.
        3 => DemoState.AwaitingReview,
        4 => DemoState.Closed,
        // Access: the manual paper archive is asked too, and never answers by itself, so the sample stays in need of a
        // person even where eng/run.sh's sample systems answer their (timed-out) tasks late.
        6 => DemoState.NeedsAttention,
        _ => DemoState.AwaitingIdentity,
    };

    public async Task MoveAsync(StoredRequest request, DemoState state, CancellationToken ct)
    {
        // The start timer written at intake would send the same signal once the timer poller runs; seeding runs before
        // the host listens, so it is sent here (a start that finds the instance running changes nothing).
        await processor.ProcessAsync(request.Id, new Signal.Start(), new SignalSource("timers", null), ct);
        if (state == DemoState.AwaitingIdentity)
            return;
        if (state == DemoState.Closed)
        {
            // An operator closes it: the subject withdrew by telephone. (A refusal at assessment would close only after
            // its refusal letter is rendered and reviewed, which needs the pack renderer running: not at seeding time.)
            await SendAsync(request, new Signal.Close(Actor, "The subject withdrew the request by telephone."), ct);
            return;
        }
        await SendAsync(request, new Signal.IdentityVerified("manual", "Matched the account e-mail and customer number.", Actor), ct);
        if (state is DemoState.New or DemoState.Overdue)
            return;
        // GDPR Art. 21(1): an objection's assessment is recorded with the decision (the letter explains it).
        await SendAsync(request, new Signal.Decision("assess", Decisions.Proceed,
            request.RightKind == "objection" ? "No compelling legitimate grounds override the objection." : null, [], Actor), ct);
        if (state == DemoState.NeedsAttention)
        {
            // The demo cannot wait the definition's timeout (days): each task's timeout is sent now, as the timer poller
            // sends it when it falls due. With every task timed out the fan-out asks for a person.
            foreach (var task in await OpenTasksAsync(request, ct))
                await processor.ProcessAsync(request.Id, new Signal.TimerFired(TimerKinds.TaskTimeout, task.TaskId.ToString("N")),
                    new SignalSource("timers", null), ct);
        }
        else if (state == DemoState.AwaitingReview)
        {
            // A person settles each task by hand (as the inbox's "complete a task" does); the pack is then rendered once the
            // host runs, and the workflow waits at the review step for the letter's approval.
            foreach (var task in await OpenTasksAsync(request, ct))
                await SendAsync(request, new Signal.TaskCompletedManually(task.TaskId, ConnectorTaskStatus.NotFound,
                    "Searched by hand for the demo: nothing held about this subject.", [], null, Actor), ct);
        }
    }

    private async Task<IReadOnlyList<ConnectorTask>> OpenTasksAsync(StoredRequest request, CancellationToken ct) =>
        await workflows.FindAsync(request.TenantId, request.Reference, ct) is ({ } _, { } instance)
            ? [.. instance.State.Tasks.Where(t => !t.IsTerminal)]
            : [];

    private async Task SendAsync(StoredRequest request, Signal signal, CancellationToken ct)
    {
        var result = await workflows.SendAsync(request, signal, ct);
        if (result.Status != WorkflowCommandStatus.Applied)
            log.LogWarning("A demo sample's {Signal} was not applied: {Status}", signal.GetType().Name, result.Status);
    }
}
