namespace DsarEngine.Workflows.Deadlines;

// The timing rules of one legal regime, with the sources they come from. Data: see Regimes.*.cs.
internal sealed record RegimeRules(string Id, string Name, Period Period, string PeriodSource)
{
    // Null where the regime has no fixed extension.
    public Period? Extension { get; init; }

    public string? ExtensionSource { get; init; }

    public Period? Acknowledgement { get; init; }

    public string? AcknowledgementSource { get; init; }

    public StopClockPolicy StopPolicy { get; init; } = StopClockPolicy.KeepsRunning;

    public string StopSource { get; init; } = "";

    public RollForwardRule RollForward { get; init; } = RollForwardRule.None;

    public string RollForwardSource { get; init; } = "";

    // Where the law is unclear and the code had to pick a reading; also listed in docs/legal-clock.md.
    public IReadOnlyList<string> Uncertainties { get; init; } = [];

    public bool AllowsExtension => Extension is not null;
}
