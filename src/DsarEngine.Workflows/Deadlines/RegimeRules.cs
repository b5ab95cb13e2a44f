using DsarEngine.Workflows.Deadlines.Holidays;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Deadlines;

// The timing rules of one legal regime, with the sources they come from. Data: see Regimes.*.cs.
internal sealed record RegimeRules(string Id, string Name, Period Period, string PeriodSource)
{
    // Null where the regime has no fixed extension.
    public Period? Extension { get; init; }

    public string? ExtensionSource { get; init; }

    public Period? Acknowledgement { get; init; }

    public string? AcknowledgementSource { get; init; }

    // The policy for a stop whose reason has no StopRule (and for the preview's unnamed stops).
    public StopClockPolicy StopPolicy { get; init; } = StopClockPolicy.KeepsRunning;

    public string StopSource { get; init; } = "";

    public IReadOnlyList<StopRule> StopRules { get; init; } = [];

    // Periods of rights that differ from the general Period (which is the access period).
    public IReadOnlyList<RightPeriod> RightPeriods { get; init; } = [];

    // Set where the law counts "business days" without saying whose holidays (CCPA): the calendar of the
    // holiday-aware reading. The default reading counts Saturdays and Sundays only (the earliest date).
    public HolidayCalendar? BusinessDayHolidays { get; init; }

    public string BusinessDaySource { get; init; } = "";

    public RollForwardRule RollForward { get; init; } = RollForwardRule.None;

    public string RollForwardSource { get; init; } = "";

    // Where the law is unclear and the code had to pick a reading; also listed in docs/legal-clock.md.
    public IReadOnlyList<string> Uncertainties { get; init; } = [];

    public bool AllowsExtension => Extension is not null;

    // What a stop for this reason does to the clock of a request for this right (null: the general rule,
    // which is that of access).
    public StopRuling StopFor(string reason, Right? right)
    {
        if (StopRules.FirstOrDefault(r => r.Reason == reason) is not { } rule)
        {
            return new StopRuling(StopPolicy, StopSource);
        }

        return right is { } wanted && rule.OnlyFor is { } only && !only.Contains(wanted)
            ? new StopRuling(StopClockPolicy.KeepsRunning,
                $"{rule.Source}; only for {string.Join(", ", only.Select(r => r.ToSlug()))} requests, not {wanted.ToSlug()}")
            : new StopRuling(rule.Policy, rule.Source);
    }

    // These rules with the period and extension of one right (null or a right without its own period: unchanged).
    public RegimeRules ForRight(Right? right) =>
        RightPeriods.FirstOrDefault(p => p.Right == right) is { } own
            ? this with
            {
                Period = own.Period,
                PeriodSource = own.Source,
                Extension = own.Extension,
                ExtensionSource = own.ExtensionSource ?? $"None in the law for {own.Right.ToSlug()} (conservative: no extension)",
                Acknowledgement = own.NoAcknowledgement ? null : Acknowledgement,
                AcknowledgementSource = own.NoAcknowledgement ? null : AcknowledgementSource,
            }
            : this;
}
