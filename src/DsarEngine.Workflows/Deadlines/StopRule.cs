using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Deadlines;

// What one stop reason (ClockStopReasons) does under a regime, overriding RegimeRules.StopPolicy for that reason.
// OnlyFor: the rights the stop is allowed for; for any other right the clock keeps running.
internal sealed record StopRule(string Reason, StopClockPolicy Policy, string Source)
{
    public IReadOnlyList<Right>? OnlyFor { get; init; }
}

// The policy that applies to one stop, and the source to cite for it.
internal sealed record StopRuling(StopClockPolicy Policy, string Source)
{
    public bool Stops => Policy != StopClockPolicy.KeepsRunning;
}
