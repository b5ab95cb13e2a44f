namespace DsarEngine.Workflows.Deadlines;

internal static class EuropeanRegimes
{
    public static readonly RegimeRules Gdpr = new("gdpr", "EU GDPR", Period.Months(1),
        "GDPR Art. 12(3), counted per Reg. (EEC, Euratom) 1182/71 Art. 3 (EDPB Guidelines 01/2022)")
    {
        Extension = Period.Months(2),
        ExtensionSource = "GDPR Art. 12(3): two further months, once, the subject told with reasons within one month of receipt",
        StopPolicy = StopClockPolicy.AddWaitingDays,
        StopSource = "EDPB Guidelines 01/2022 on the right of access: the waiting time is added to the period",
        RollForward = RollForwardRule.NextWorkingDay,
        RollForwardSource = "Reg. 1182/71 Art. 3(4)",
        Uncertainties =
        [
            "Stopped clock: the GDPR text is silent; EDPB guidance (waiting days added) is followed.",
            "Holidays: national calendars only; regional holidays (German Länder, Spanish communities) are not modelled.",
        ],
    };

    public static readonly RegimeRules UkGdpr = new("uk-gdpr", "UK GDPR", Period.Months(1),
        "UK GDPR Art. 12(3); ICO guidance on the right of access (calculating the time limit)")
    {
        Extension = Period.Months(2),
        ExtensionSource = "UK GDPR Art. 12(3): two further months, once, the subject told with reasons within the first month",
        StopPolicy = StopClockPolicy.RestartsOnArrival,
        StopSource = "UK GDPR Art. 12A (Data (Use and Access) Act 2025) and ICO guidance: time runs from receipt of the " +
            "identity proof, fee or clarification",
        RollForward = RollForwardRule.NextWorkingDay,
        RollForwardSource = "ICO guidance: a deadline on a weekend or bank holiday moves to the next working day",
        Uncertainties =
        [
            "Clarification: read as restarting the period on arrival, like identity proof and fees; a reading where it " +
                "only pauses the clock would give an earlier date.",
        ],
    };

    public static readonly RegimeRules Nfadp = new("nfadp", "Swiss nFADP", Period.Days(30),
        "FADP (2020) Art. 25 and Data Protection Ordinance Art. 18(1): 30 days")
    {
        ExtensionSource = "Data Protection Ordinance Art. 18(2): deferral if the subject is told within 30 days when the " +
            "answer will come; no fixed length, so none is computed",
        StopSource = "The Ordinance is silent; the clock keeps running (conservative)",
        RollForward = RollForwardRule.NextWorkingDay,
        RollForwardSource = "Code of Obligations Art. 78 and the Federal Act of 21 June 1963 on deadlines including " +
            "Saturdays, applied by analogy",
        Uncertainties =
        [
            "Extension: open-ended deferral with notice; no extended date is computed.",
            "Roll-forward: CO Art. 78 applied by analogy; cantonal holidays are not modelled.",
        ],
    };

    public static readonly RegimeRules Russia152Fz = new("152-fz", "Russia 152-FZ", Period.WorkingDays(10),
        "Federal Law 152-FZ Art. 14(3) and Art. 20 (as amended by 266-FZ of 14 July 2022): 10 working days")
    {
        Extension = Period.WorkingDays(5),
        ExtensionSource = "152-FZ Art. 14(3) and Art. 20: up to 5 more working days with a reasoned notice to the subject",
        StopSource = "The law is silent; the clock keeps running (conservative)",
        RollForward = RollForwardRule.NextWorkingDay,
        RollForwardSource = "Counted in working days, so the period always ends on one",
        Uncertainties =
        [
            "Working days: the yearly production calendar (government decrees moving days off and making some " +
                "Saturdays working days) is not modelled; fixed holidays and Labour Code art. 112 are.",
            "Extension notice: assumed due before the first 10 working days end.",
        ],
    };

    public static IReadOnlyList<RegimeRules> All { get; } = [Gdpr, UkGdpr, Nfadp, Russia152Fz];
}
