using DsarEngine.Server.Workflow;
using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.Requests;

// The data subject withdraws their request (the portal calls this once it knows who is asking). The withdrawal is a
// workflow signal, so it takes the path every staff action takes (SignalProcessor: one transaction, instance and request
// locked): the instance closes, its timers are cancelled, the request becomes withdrawn, the journal says
// withdrawn-by-subject, and the confirmation e-mail is queued in the mail outbox, all committed together or not at all.
// A staff action racing it waits on the same lock and then finds the instance closed, so it changes nothing.
internal sealed class WithdrawalService(RequestStore requests, SignalProcessor processor)
{
    // Who the journal names: the person the request is about, acting for themselves through the portal.
    public const string Actor = "subject";

    public async Task<WithdrawalOutcome> WithdrawAsync(Guid tenantId, Guid requestId, CancellationToken ct)
    {
        if (await requests.FindByIdAsync(tenantId, requestId, ct) is null)
            return new WithdrawalOutcome.NotFound();
        var outcome = await processor.ProcessAsync(requestId, new Signal.Withdraw(Actor), new SignalSource("subject", null), ct);
        if (outcome.Result == SignalResult.Applied)
            return new WithdrawalOutcome.Withdrawn();
        if (outcome is { Result: SignalResult.Refused, Slug: Executor.AlreadyClosed })
            return new WithdrawalOutcome.AlreadyClosed(
                (await requests.FindByIdAsync(tenantId, requestId, ct))?.Status ?? "", outcome.Reason ?? "");
        // No instance, or its definition is not loaded: the engine is at fault, not the subject; an operator must act
        // (the instance is parked with what to do). Nothing was withdrawn.
        throw new InvalidOperationException(
            $"The withdrawal could not be applied ({outcome.Result}{(outcome.Slug is { } s ? $", {s}" : "")}).");
    }
}
