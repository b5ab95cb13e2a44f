using System.Diagnostics.CodeAnalysis;

namespace DsarEngine.Workflows.Deadlines;

// The checks a DeadlineQuery must pass before the clock can run, keyed by the preview endpoint's field names.
internal static class DeadlineQueryValidator
{
    public const int FirstYear = 1900;
    public const int LastYear = 2199;

    public static bool TryResolve(DeadlineQuery query, [NotNullWhen(true)] out ResolvedQuery? resolved, out FieldErrors errors)
    {
        resolved = null;
        errors = new FieldErrors();
        if (!Regimes.TryGet(query.Regime, out var regime))
        {
            errors.Add("regime", $"Unknown regime '{query.Regime}': expected one of {Regimes.KnownIds}");
        }

        // The period and extension of the right exercised (152-FZ: 7 working days to rectify, no extension).
        regime = regime?.ForRight(query.Right);

        if (!Jurisdictions.TryGet(query.Jurisdiction, out var jurisdiction))
        {
            errors.Add("jurisdiction", Jurisdictions.Explain(query.Jurisdiction));
        }

        TimeZoneInfo? zone = null;
        if (query.TimeZone is { } zoneId && !TimeZones.TryFind(zoneId, out zone))
        {
            errors.Add("timeZone", $"Unknown time zone '{zoneId}': expected an IANA time zone id such as Europe/Paris");
        }

        if (query.ReceivedAt.Year is < FirstYear or > LastYear)
        {
            errors.Add("receivedAt", $"receivedAt must fall between {FirstYear} and {LastYear}, the years the holiday rules cover");
        }

        if (query.Extended && regime is { AllowsExtension: false })
        {
            errors.Add("extended", $"Regime {regime.Id} has no fixed extension: {regime.ExtensionSource}");
        }

        if (regime is null || jurisdiction is null || errors.Has("timeZone") || errors.Has("receivedAt"))
        {
            return false;
        }

        zone ??= TimeZones.TryFind(jurisdiction.DefaultTimeZone, out var fallback)
            ? fallback
            : throw new InvalidOperationException($"Time zone {jurisdiction.DefaultTimeZone} of {jurisdiction.Code} is not installed");
        var receivedOn = TimeZones.LocalDate(query.ReceivedAt, zone);
        StopValidator.Check(query.Stops, receivedOn, zone, errors);
        resolved = errors.IsEmpty ? new ResolvedQuery(regime, jurisdiction, zone, receivedOn) : null;
        return resolved is not null;
    }
}
