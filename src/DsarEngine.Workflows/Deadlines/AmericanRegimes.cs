using DsarEngine.Workflows.Deadlines.Holidays;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Deadlines;

internal static class AmericanRegimes
{
    public static readonly RegimeRules Ccpa = new("ccpa", "California CCPA/CPRA", Period.Days(45),
        "Cal. Civ. Code §1798.130(a)(2)(A): 45 calendar days from receipt")
    {
        Extension = Period.Days(45),
        ExtensionSource = "Cal. Civ. Code §1798.130(a)(2)(A): once, by 45 more days, with notice within the first 45 days",
        Acknowledgement = Period.WorkingDays(10),
        AcknowledgementSource = "CCPA Regulations, 11 CCR §7021(a): confirm receipt within 10 business days",
        BusinessDayHolidays = HolidayCalendars.California,
        BusinessDaySource = "11 CCR §7021(a) does not define business days; California state holidays (Gov. Code §6700, " +
            "days state offices close) for the holiday-aware reading",
        // Opt-outs are not verifiable requests: no 45 days, no extension, no acknowledgement; business days as above.
        RightPeriods =
        [
            new RightPeriod(Right.OptOutOfSaleSharing, Period.WorkingDays(15),
                "11 CCR §7026(f): comply as soon as feasibly possible, but no later than 15 business days from receipt")
            {
                NoAcknowledgement = true,
            },
            new RightPeriod(Right.LimitSensitiveUse, Period.WorkingDays(15),
                "11 CCR §7027(g): comply as soon as feasibly possible, but no later than 15 business days from receipt")
            {
                NoAcknowledgement = true,
            },
        ],
        StopSource = "11 CCR §7021(b): the 45 days begin on receipt, whatever the time needed to verify",
        RollForwardSource = "no statutory roll-forward relied on; conservative",
        Uncertainties =
        [
            "Business days: Saturdays and Sundays only by default (the earliest date); the holiday-aware reading skips " +
                "California state holidays (Cesar Chavez Day, the day after Thanksgiving, ...), not federal ones.",
            "Roll-forward: Cal. Code Civ. Proc. §§12-12a extends periods ending on a holiday; whether that reaches CCPA " +
                "responses is untested, so no roll-forward is applied.",
        ],
    };

    public static readonly RegimeRules Vcdpa = UsState("vcdpa", "Virginia VCDPA", "Va. Code §59.1-577(B)(1)");

    public static readonly RegimeRules Cpa = UsState("cpa", "Colorado CPA", "C.R.S. §6-1-1306(2)") with
    {
        Uncertainties =
        [
            .. UsStateUncertainties,
            "Roll-forward: C.R.S. §2-4-108 extends statutory periods ending on a weekend or legal holiday; not applied (conservative).",
        ],
    };

    public static readonly RegimeRules Ctdpa = UsState("ctdpa", "Connecticut CTDPA", "Conn. Gen. Stat. §42-518(c)(1)");

    public static readonly RegimeRules Lgpd = new("lgpd", "Brazil LGPD", Period.Days(15),
        "LGPD (Lei 13.709/2018) Art. 19(II): complete declaration within 15 days of the request")
    {
        ExtensionSource = "None in the law",
        StopSource = "The law is silent; the clock keeps running (conservative)",
        RollForward = RollForwardRule.NextWorkingDay,
        RollForwardSource = "Civil Code (Lei 10.406/2002) Art. 132 §1",
        Uncertainties =
        [
            "Day count: the law does not say whether the 15 days are calendar or business days and the ANPD has not " +
                "settled it; calendar days are used (the shorter reading).",
            "Art. 19(I) simplified confirmation is due immediately; not modelled.",
        ],
    };

    public static readonly RegimeRules Pipeda = new("pipeda", "Canada PIPEDA", Period.Days(30),
        "PIPEDA s. 8(3): within 30 days after receipt")
    {
        Extension = Period.Days(30),
        ExtensionSource = "PIPEDA s. 8(4)(a): up to 30 more days, notice within the first 30 days with the new limit, " +
            "reasons and the right to complain",
        StopSource = "The Act is silent; the clock keeps running (conservative)",
        RollForward = RollForwardRule.SkipSundaysAndHolidays,
        RollForwardSource = "Interpretation Act ss. 26 and 35 (Saturday is not a holiday)",
        Uncertainties =
        [
            "s. 8(4)(b) allows a longer extension to convert to an alternative format; not modelled.",
            "Provincial laws (Québec Law 25, Alberta and British Columbia PIPA) may apply instead; provincial holidays are not modelled.",
        ],
    };

    public static IReadOnlyList<RegimeRules> All { get; } = [Ccpa, Vcdpa, Cpa, Ctdpa, Lgpd, Pipeda];

    private static IReadOnlyList<string> UsStateUncertainties =>
    [
        "Authentication: the statute does not say whether the clock stops while the consumer is authenticated; " +
            "it keeps running (conservative).",
    ];

    // Virginia, Colorado and Connecticut share the same model: 45 days, once 45 more with notice and reasons
    // inside the first 45, no acknowledgement, no statutory roll-forward relied on.
    private static RegimeRules UsState(string id, string name, string section) =>
        new(id, name, Period.Days(45), $"{section}: 45 days of receipt")
        {
            Extension = Period.Days(45),
            ExtensionSource = $"{section}: once, by 45 more days when reasonably necessary, " +
                $"the consumer told with the reason within the first 45 days",
            StopSource = "Statute silent; the clock keeps running (conservative)",
            RollForwardSource = "no statutory roll-forward relied on; conservative",
            Uncertainties = UsStateUncertainties,
        };
}
