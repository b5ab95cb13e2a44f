using DsarEngine.Server.Workflow;
using DsarEngine.Workflows.Deadlines;
using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.Conversations;

// What asking for information does to the clock under a request's regime, in words for the confirmation dialog.
internal sealed record ClockOnQuestion(bool Stops, string Explanation);

internal sealed partial class ConversationService
{
    // One of ClockStopReasons.All: waiting for the subject to clarify the request (GDPR Recital 63).
    public const string ClarificationReason = "clarification";

    // The regime and the right decide (EDPB Guidelines 01/2022 stop the clock; UK GDPR Art. 12A pauses it for access only;
    // the CCPA and a silent law keep it running). The executor checks the same rule again when the stop is applied
    // (Executor.Clock.cs, Pause).
    public static ClockOnQuestion ClockOn(string regime, string right, bool hasClock)
    {
        if (!hasClock)
            return new(false, "This request has no legal clock, so nothing stops.");
        if (!Regimes.TryGet(regime, out var rules))
            return new(true, "The clock stops (reason: clarification) until you resume it when the answer arrives.");
        var ruling = rules.StopFor(ClarificationReason, Rights.TryParse(right, out var r) ? r : null);
        return ruling.Stops
            ? new(true, $"The clock stops (reason: clarification) until you resume it when the answer arrives ({ruling.Source}).")
            : new(false, $"Under {rules.Id} the clock keeps running while you wait ({ruling.Source}): the due date does not move.");
    }

    // Sends the subject the question AND stops the clock, or neither: the clock stop (Signal.PauseClock through the signal
    // processor, the path ClockCommands.StopAsync takes) and the message, its outbox e-mail and its journal entry are one
    // transaction. The e-mail leaves only after commit (SmtpDelivery reads the outbox), so a refused stop or a crash
    // sends nothing, and a sent question always has its stop.
    public async Task<ConversationOutcome> AskForInformationAsync(
        Guid tenantId, string reference, string? question, string author, CancellationToken ct)
    {
        if (ConversationText.Check(question, "question") is (null, var error))
            return ConversationOutcome.Invalid(error!);
        if (await requests.FindAsync(tenantId, reference, ct) is not { } request)
            return ConversationOutcome.NotFound;
        if (Recipient(request) is not { } email)
            return ConversationOutcome.NoAddress;
        var stops = ClockOn(request.Regime, request.RightKind, request.TimeZone is not null).Stops;
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        if (stops)
        {
            var outcome = await processor.ProcessAsync(c, tx, request.Id,
                new Signal.PauseClock(ClarificationReason, "Asked the subject for more information by e-mail.", author),
                new SignalSource("staff", null), ct);
            if (outcome.Result != SignalResult.Applied)
                return new(ConversationStatus.ClockRefused, Slug: outcome.Slug ?? "not-applicable",
                    Detail: outcome.Reason ?? "The workflow cannot stop the clock now.");
        }
        var message = Outgoing(request, email, MessagePurposes.MoreInformation, author, question!.Trim(), stops);
        await messages.WriteAsync(c, tx, request, message, ct);
        await tx.CommitAsync(ct);
        return new(ConversationStatus.Done, message.Id, stops);
    }
}
