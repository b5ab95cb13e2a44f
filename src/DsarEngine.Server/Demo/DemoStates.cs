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
}

// Moves a sample request along through the signals staff send (the staff API and the inbox call WorkflowService the
// same way), in the seeding transaction's wake: nothing is written behind the workflow's back.
internal sealed class DemoStates(SignalProcessor processor, WorkflowService workflows, ILogger<DemoStates> log)
{
    private const string Actor = "demo-seed";

    // The first samples each show one state; the rest (and the processor's, always last) wait for identity.
    public static DemoState For(int index, int count) => index == count - 1 ? DemoState.AwaitingIdentity : index switch
    {
        0 => DemoState.New,
        1 => DemoState.InConnectors,
        2 => DemoState.Overdue,
        3 => DemoState.Closed,
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
        if (state == DemoState.InConnectors)
            await SendAsync(request, new Signal.Decision("assess", Decisions.Proceed, null, [], Actor), ct);
    }

    private async Task SendAsync(StoredRequest request, Signal signal, CancellationToken ct)
    {
        var result = await workflows.SendAsync(request, signal, ct);
        if (result.Status != WorkflowCommandStatus.Applied)
            log.LogWarning("A demo sample's {Signal} was not applied: {Status}", signal.GetType().Name, result.Status);
    }
}
