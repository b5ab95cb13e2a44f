namespace DsarEngine.Workflows.Deadlines;

// Builds a DeadlineQuery from the raw strings of GET /api/v1/deadlines/preview, with errors keyed by the
// query-string names: regime, jurisdiction, receivedAt, timeZone, stops.
internal static class DeadlineQueryParser
{
    public const string StopReason = "identity proof or clarification";

    public static DeadlineQueryParseResult Parse(
        string? regime, string? jurisdiction, string? receivedAt, string? timeZone = null, string? stops = null)
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
        if (!errors.IsEmpty || regimeId is null || place is null || at is not { } instant)
        {
            return new DeadlineQueryParseResult(null, errors.ToDictionary());
        }

        var query = new DeadlineQuery(regimeId, place.Code, instant)
        {
            TimeZone = TimeZones.TryFind(timeZone, out var zone) ? zone.Id : null,
            Stops = parsedStops,
        };

        // The checks that need several fields at once (e.g. a stop before the local day of receipt).
        return DeadlineQueryValidator.TryResolve(query, out _, out var semantic)
            ? new DeadlineQueryParseResult(query, new Dictionary<string, string[]>())
            : new DeadlineQueryParseResult(null, semantic.ToDictionary());
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
