namespace DsarEngine.Workflows.Deadlines;

// What a wait for identity proof, clarification or a fee does to the clock.
internal enum StopClockPolicy
{
    // The clock keeps running (CCPA: verification does not extend the 45 days; the conservative default
    // wherever a law is silent).
    KeepsRunning,

    // The days spent waiting are added to the deadline (EDPB Guidelines 01/2022).
    AddWaitingDays,

    // The period starts again from the day the awaited item arrives (UK GDPR Art. 12A "relevant time", as
    // inserted by the Data (Use and Access) Act 2025: identity proof and fee).
    RestartsOnArrival,

    // The period does not run from the day the controller asks to the day the answer arrives, both days
    // included (UK GDPR Art. 12A: clarification of an access request). Days before the period starts are
    // not counted twice.
    PausesInclusive,
}
