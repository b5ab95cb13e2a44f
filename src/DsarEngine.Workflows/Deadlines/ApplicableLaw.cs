namespace DsarEngine.Workflows.Deadlines;

// One regime that applies to a request, and why.
internal sealed record ApplicableRegime(RegimeRules Rules, string Reason);

// Which law a request falls under (issue 15, E1). The organisation's declared regimes and scope rules decide; the
// subject's stated location is only an input to the residence rules, and a regime named by staff is added to the set
// (it can only make the deadline earlier). The place of performance (calendar, time zone) is always the organisation's.
internal sealed record ApplicableLaw(JurisdictionInfo Controller, IReadOnlyList<ApplicableRegime> Regimes, IReadOnlyList<string> Notes)
{
    public const string StepKind = "law";

    // Null with an error on "regime" when staff named an unknown regime.
    public static ApplicableLaw? Decide(
        TenantLaw law, JurisdictionInfo controller, string? subjectLocation, string? staffRegime, FieldErrors errors)
    {
        var notes = new List<string>();
        var location = Locate(subjectLocation, law, notes);
        var regimes = new List<ApplicableRegime>();
        var byResidence = false;
        foreach (var declared in law.Regimes)
        {
            if (!Deadlines.Regimes.TryGet(declared.Regime, out var rules))
            {
                continue;
            }

            if (declared.Scope == RegimeScopes.Establishment)
            {
                regimes.Add(new(rules, $"the organisation is subject to it as an establishment ({controller.Code}), whoever asks"));
            }
            else if (location is not null && declared.Locations.FirstOrDefault(l => Covers(l, location)) is { } place)
            {
                regimes.Add(new(rules,
                    $"the subject's stated location, {location.Code}, is within the organisation's rule for it ({place})"));
                byResidence = true;
            }
        }

        if (location is not null && !byResidence)
        {
            notes.Add($"The subject's stated location, {location.Code}, brings no further regime: the organisation declares none "
                + "for it (a subject's location never chooses the law on its own)");
        }

        if (!string.IsNullOrWhiteSpace(staffRegime))
        {
            if (!Deadlines.Regimes.TryGet(staffRegime, out var named))
            {
                errors.Add("regime", $"Unknown regime '{staffRegime}': expected one of {Deadlines.Regimes.KnownIds}.");
                return null;
            }

            if (regimes.All(r => r.Rules.Id != named.Id))
            {
                regimes.Add(new(named, "named by staff at intake"));
            }
        }

        return new ApplicableLaw(controller, regimes, notes);
    }

    private static bool Covers(string rulePlace, JurisdictionInfo location) =>
        Jurisdictions.TryGet(rulePlace, out var place) && Jurisdictions.Covers(place, location);

    private static JurisdictionInfo? Locate(string? stated, TenantLaw law, List<string> notes)
    {
        var residenceRules = law.Regimes.Any(r => r.Scope == RegimeScopes.Residence);
        if (string.IsNullOrWhiteSpace(stated))
        {
            if (residenceRules)
            {
                notes.Add("The subject stated no location: only the organisation's establishment regimes apply");
            }

            return null;
        }

        if (!Jurisdictions.TryResolveLocation(stated, out var location, out var note))
        {
            notes.Add($"The subject's stated location, {stated.Trim().ToUpperInvariant()}, has no rules here: " +
                "only the organisation's establishment regimes apply");
            return null;
        }

        if (note is not null)
        {
            notes.Add(note);
        }

        return location;
    }

    // Runs the legal clock once per applicable regime, in the organisation's calendar and time zone (the query's
    // jurisdiction and zone), and keeps the earliest effective deadline: the strictest date wins. On a tie the regime
    // listed first (establishment before residence) is kept. The explanation starts with which regimes applied and why.
    public DeadlineComputation Compute(DeadlineQuery placeOfPerformance)
    {
        if (Regimes.Count == 0)
        {
            throw new InvalidOperationException("No regime applies: the organisation declares no establishment regime");
        }

        var computed = Regimes.Select(r => (Regime: r, Result: LegalClock.Compute(placeOfPerformance with { Regime = r.Rules.Id })))
            .ToList();
        var winner = computed.MinBy(c => c.Result.EffectiveDue);
        var on = winner.Result.ReceivedOn;
        var steps = new List<DeadlineStep>();
        steps.AddRange(Notes.Select(n => new DeadlineStep(StepKind, n, on)));
        steps.AddRange(computed.Select(c => new DeadlineStep(StepKind,
            $"{c.Regime.Rules.Name} ({c.Regime.Rules.Id}) applies: {c.Regime.Reason}; due {IsoDate.Format(c.Result.EffectiveDue)}",
            c.Result.EffectiveDue)));
        steps.Add(new DeadlineStep(StepKind, computed.Count == 1
                ? $"Only {winner.Regime.Rules.Id} applies, so its deadline is the request's"
                : $"{computed.Count} regimes apply: the earliest deadline wins, {winner.Regime.Rules.Id} on "
                    + $"{IsoDate.Format(winner.Result.EffectiveDue)} (the strictest date; the others are met by meeting it)",
            winner.Result.EffectiveDue));
        steps.Add(new DeadlineStep(StepKind,
            $"Days are counted in the calendar and time zone of the organisation's place of performance, {Controller.Code} "
                + $"({winner.Result.TimeZone}), never the subject's",
            on));
        return winner.Result with { Steps = [.. steps, .. winner.Result.Steps] };
    }
}
