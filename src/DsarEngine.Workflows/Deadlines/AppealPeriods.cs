using System.Diagnostics.CodeAnalysis;

namespace DsarEngine.Workflows.Deadlines;

// The US state laws that give a consumer an appeal of a refused request, each with the controller's time to answer it
// and the Attorney General the consumer may complain to if the appeal is denied. An appeal request runs on its own
// clock: its regime is the appeal period's id ("vcdpa-appeal"), found by Regimes.TryGet but not offered at intake.
internal static class AppealPeriods
{
    private const string Suffix = "-appeal";

    public static readonly AppealRules Virginia = new("vcdpa", "Virginia",
        new RegimeRules("vcdpa-appeal", "Virginia VCDPA (appeal)", Period.Days(60),
            "Va. Code §59.1-577(C): inform the consumer of any action taken or not taken within 60 days of receipt of an appeal")
        {
            ExtensionSource = "None in the law",
            StopSource = "Statute silent; the clock keeps running (conservative)",
            RollForwardSource = "no statutory roll-forward relied on; conservative",
        },
        "the Office of the Attorney General of Virginia (Consumer Protection Section)",
        "https://www.oag.state.va.us/consumer-protection/index.php/file-a-complaint");

    public static readonly AppealRules Colorado = new("cpa", "Colorado",
        new RegimeRules("cpa-appeal", "Colorado CPA (appeal)", Period.Days(45),
            "C.R.S. §6-1-1306(3)(b): inform the consumer of any action taken or not taken within 45 days of receipt of an appeal")
        {
            Extension = Period.Days(60),
            ExtensionSource = "C.R.S. §6-1-1306(3)(b): by 60 more days where reasonably necessary, the consumer told " +
                "with the reasons within the first 45 days",
            StopSource = "Statute silent; the clock keeps running (conservative)",
            RollForwardSource = "no statutory roll-forward relied on; conservative",
        },
        "the Colorado Attorney General (Consumer Protection Section)", "https://coag.gov/file-complaint/");

    public static readonly AppealRules Connecticut = new("ctdpa", "Connecticut",
        new RegimeRules("ctdpa-appeal", "Connecticut CTDPA (appeal)", Period.Days(60),
            "Conn. Gen. Stat. §42-518(d): inform the consumer in writing of any action taken or not taken within 60 days of " +
                "receipt of an appeal")
        {
            ExtensionSource = "None in the law",
            StopSource = "Statute silent; the clock keeps running (conservative)",
            RollForwardSource = "no statutory roll-forward relied on; conservative",
        },
        "the Connecticut Attorney General (Privacy and Data Security Department)", "https://www.dir.ct.gov/ag/complaint/");

    public static IReadOnlyList<AppealRules> All { get; } = [Virginia, Colorado, Connecticut];

    // The appeal of a request under this regime; false where the regime has no appeal (GDPR: a complaint to the authority).
    public static bool TryFor(string? regime, [NotNullWhen(true)] out AppealRules? rules)
    {
        rules = All.FirstOrDefault(a => string.Equals(a.Regime, regime?.Trim(), StringComparison.OrdinalIgnoreCase));
        return rules is not null;
    }

    // The appeal rules whose clock is this regime id ("cpa-appeal"), for an appeal request's own regime.
    public static bool TryForClock(string? clockRegime, [NotNullWhen(true)] out AppealRules? rules)
    {
        rules = All.FirstOrDefault(a => string.Equals(a.Clock.Id, clockRegime?.Trim(), StringComparison.OrdinalIgnoreCase));
        return rules is not null;
    }

    public static bool IsAppealClock(string? regime) => regime?.Trim().EndsWith(Suffix, StringComparison.OrdinalIgnoreCase) == true;
}

// Regime: the law of the refused request; State: its name in letters; Clock: the appeal's own timing rules;
// AttorneyGeneral and ComplaintUrl: where a consumer whose appeal is denied may complain (e.g. VA §59.1-577(C)).
internal sealed record AppealRules(string Regime, string State, RegimeRules Clock, string AttorneyGeneral, string ComplaintUrl);
