using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Deadlines;

// A period that a regime sets for one right instead of its general one (152-FZ: 7 working days to rectify).
// Extension null: the law gives none for this right.
internal sealed record RightPeriod(Right Right, Period Period, string Source)
{
    public Period? Extension { get; init; }

    public string? ExtensionSource { get; init; }

    // The regime's acknowledgement does not apply to this right (CCPA: 11 CCR §7021 covers requests to delete, correct and
    // know, not opt-outs, which are answered within 15 business days anyway).
    public bool NoAcknowledgement { get; init; }
}
