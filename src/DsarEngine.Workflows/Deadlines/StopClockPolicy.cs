namespace DsarEngine.Workflows.Deadlines;

// What a wait for identity proof, clarification or a fee does to the clock.
internal enum StopClockPolicy
{
    // The clock keeps running (CCPA: verification does not extend the 45 days; the conservative default
    // wherever a law is silent).
    KeepsRunning,

    // The days spent waiting are added to the deadline (EDPB Guidelines 01/2022).
    AddWaitingDays,

    // The period starts again from the day the awaited item arrives (ICO; UK GDPR as amended by the
    // Data (Use and Access) Act 2025).
    RestartsOnArrival,
}
