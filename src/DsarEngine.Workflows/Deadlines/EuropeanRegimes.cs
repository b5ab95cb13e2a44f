using DsarEngine.Workflows.Requests;

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
        StopRules =
        [
            // GDPR Art. 12(5): free of charge; a fee may only be charged for manifestly unfounded or excessive requests,
            // and no provision suspends the period meanwhile (unlike UK GDPR Art. 12A).
            new StopRule(ClockStopReasons.Fee, StopClockPolicy.KeepsRunning,
                "GDPR Art. 12(5): the EU GDPR has no fee that stops the clock"),
        ],
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
        // A stop without a named reason pauses: the earliest date any UK stop can give.
        StopPolicy = StopClockPolicy.PausesInclusive,
        StopSource = "UK GDPR Art. 12A (Data (Use and Access) Act 2025): a stop of unnamed reason is read as a " +
            "clarification pause, the earliest date",
        StopRules =
        [
            new StopRule(ClockStopReasons.IdentityProof, StopClockPolicy.RestartsOnArrival,
                "UK GDPR Art. 12A (Data (Use and Access) Act 2025): the period runs from the \"relevant time\", when " +
                "the identity proof arrives"),
            new StopRule(ClockStopReasons.Fee, StopClockPolicy.RestartsOnArrival,
                "UK GDPR Art. 12A (Data (Use and Access) Act 2025): the period runs from the \"relevant time\", when " +
                "the fee is paid"),
            new StopRule(ClockStopReasons.Clarification, StopClockPolicy.PausesInclusive,
                "UK GDPR Art. 12A (Data (Use and Access) Act 2025): the period does not run from the day clarification " +
                "of an access request is asked to the day it arrives, both included")
            {
                OnlyFor = [Right.Access],
            },
        ],
        RollForward = RollForwardRule.NextWorkingDay,
        RollForwardSource = "ICO guidance: a deadline on a weekend or bank holiday moves to the next working day",
        Uncertainties =
        [
            "Clarification pauses only access requests (Art. 15, where much information is processed); for other rights " +
                "the clock keeps running while the controller waits (conservative). Whether the controller processes " +
                "a large amount of information is not checked: the caseworker decides to ask.",
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
        RightPeriods =
        [
            new RightPeriod(Right.Rectification, Period.WorkingDays(7),
                "152-FZ Art. 20(3): make the changes within 7 working days of the evidence that the data are incomplete, " +
                "inaccurate or out of date"),
            new RightPeriod(Right.Erasure, Period.WorkingDays(7),
                "152-FZ Art. 20(3): destroy data unlawfully obtained or not necessary for the purpose within 7 working days"),
            new RightPeriod(Right.Restriction, Period.WorkingDays(0),
                "152-FZ Art. 21(1): block the data from the moment of the request (read as the day of receipt)"),
            new RightPeriod(Right.ConsentWithdrawal, Period.Days(30),
                "152-FZ Art. 21(5): stop processing and destroy the data within 30 days of the withdrawal"),
        ],
        StopSource = "The law is silent; the clock keeps running (conservative)",
        RollForwardSource = "Counted in working days, so the period always ends on one; the 30-day and same-day periods " +
            "of some rights are not rolled (conservative; Civil Code Art. 193 would move a period ending on a day off)",
        Uncertainties =
        [
            "Working days: the yearly production calendar (government decrees moving days off and making some " +
                "Saturdays working days) is not modelled; fixed holidays and Labour Code art. 112 are.",
            "Extension notice: assumed due before the first 10 working days end.",
            "Per right: rectification and erasure 7 working days (Art. 20(3)), consent withdrawal 30 days (Art. 21(5)) " +
                "and blocking from the request (Art. 21(1)), none with an extension (the law gives none; conservative); " +
                "objection (stop processing, Art. 21(5.1)), access and portability keep 10 working days + 5.",
        ],
    };

    public static IReadOnlyList<RegimeRules> All { get; } = [Gdpr, UkGdpr, Nfadp, Russia152Fz];
}
