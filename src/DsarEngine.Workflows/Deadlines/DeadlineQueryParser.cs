using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Deadlines;

// Builds a DeadlineQuery from the raw strings of GET /api/v1/deadlines/preview, with errors keyed by the
// query-string names: regime, jurisdiction, receivedAt, timeZone, stops, right, businessDays.
internal static class DeadlineQueryParser
{
    public const string StopReason = "identity proof or clarification";

    // businessDays values (BusinessDayReading).
    public const string WeekendsOnly = "weekends-only";
    public const string StateHolidays = "state-holidays";

    public static DeadlineQueryParseResult Parse(
        string? regime, string? jurisdiction, string? receivedAt, string? timeZone = null, string? stops = null,
        string? right = null, string? businessDays = null)
    {
        var errors = new FieldErrors();
        if (!Jurisdictions.TryGet(jurisdiction, out var place))
        {
            errors.Add("jurisdiction", Jurisdictions.Explain(jurisdiction));
        }

        var regimeId = ParseRegime(regime, place, errors);
        var at = InstantParser.Parse(receivedAt, errors);
        if (!string.IsNullOrWhiteSpace(timeZone) && !TimeZones.TryFind(timeZone, out _))
        {
            errors.Add("timeZone", $"Unknown time zone '{timeZone.Trim()}': expected an IANA time zone id such as Europe/Paris");
        }

        var parsedStops = StopParser.Parse(stops, errors);
        var parsedRight = ParseRight(right, errors);
        var reading = ParseBusinessDays(businessDays, errors);
        if (!errors.IsEmpty || regimeId is null || place is null || at is not { } instant)
        {
            return new DeadlineQueryParseResult(null, errors.ToDictionary());
        }

        var query = new DeadlineQuery(regimeId, place.Code, instant)
        {
            TimeZone = TimeZones.TryFind(timeZone, out var zone) ? zone.Id : null,
            Stops = parsedStops,
            Right = parsedRight,
            BusinessDays = reading,
        };

        // The checks that need several fields at once (e.g. a stop before the local day of receipt, a named stop the
        // regime does not allow: no fee stop under the EU GDPR).
        var resolvedOk = DeadlineQueryValidator.TryResolve(query, out var resolved, out var semantic);
        if (resolved is not null)
        {
            CheckNamedStops(query, resolved.Regime, semantic);
        }

        return resolvedOk && semantic.IsEmpty
            ? new DeadlineQueryParseResult(query, new Dictionary<string, string[]>())
            : new DeadlineQueryParseResult(null, semantic.ToDictionary());
    }

    // Only here, not in DeadlineQueryValidator: a stored stop from before a rule changed must still compute (it then
    // does not stop the clock, and the steps say so); a new one asked for is refused.
    private static void CheckNamedStops(DeadlineQuery query, RegimeRules regime, FieldErrors errors)
    {
        foreach (var stop in query.Stops.Where(s => s.Reason != StopReason))
        {
            if (regime.StopFor(stop.Reason, query.Right) is { Stops: false } ruling)
            {
                errors.Add("stops", $"Stop {stop.Interval} ({stop.Reason}) does not stop the clock under {regime.Id}: {ruling.Source}");
            }
        }
    }

    private static Right? ParseRight(string? right, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(right))
        {
            return null;
        }

        if (Rights.TryParse(right.Trim(), out var parsed))
        {
            return parsed;
        }

        errors.Add("right", $"Unknown right '{right.Trim()}': expected one of {string.Join(", ", Rights.Slugs)}");
        return null;
    }

    private static BusinessDayReading ParseBusinessDays(string? raw, FieldErrors errors)
    {
        switch (raw?.Trim())
        {
            case null or "" or WeekendsOnly:
                return BusinessDayReading.WeekendsOnly;
            case StateHolidays:
                return BusinessDayReading.StateHolidays;
            default:
                errors.Add("businessDays", $"Unknown business-day reading '{raw.Trim()}': expected {WeekendsOnly} or {StateHolidays}");
                return BusinessDayReading.WeekendsOnly;
        }
    }

    private static string? ParseRegime(string? regime, JurisdictionInfo? place, FieldErrors errors)
    {
        if (!string.IsNullOrWhiteSpace(regime))
        {
            if (Regimes.TryGet(regime, out var rules))
            {
                return rules.Id;
            }

            errors.Add("regime", $"Unknown regime '{regime.Trim()}': expected one of {Regimes.KnownIds}");
            return null;
        }

        if (place is { DefaultRegime: null })
        {
            errors.Add("regime", $"No regime given and {place.Code} has no default regime: name one of {Regimes.KnownIds}");
        }

        return place?.DefaultRegime;
    }
}
