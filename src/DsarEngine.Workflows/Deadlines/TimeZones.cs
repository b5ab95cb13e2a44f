using System.Diagnostics.CodeAnalysis;

namespace DsarEngine.Workflows.Deadlines;

// IANA zone lookup and the local-day arithmetic done at the legal clock's edge.
internal static class TimeZones
{
    public static bool TryFind(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        var trimmed = id?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        // IANA ids are case-sensitive on disk; accept "europe/paris" by looking the canonical spelling up.
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(trimmed, out zone))
        {
            var match = TimeZoneInfo.GetSystemTimeZones()
                .FirstOrDefault(z => string.Equals(z.Id, trimmed, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                return false;
            }

            zone = match;
        }

        // Windows ids also resolve on Linux; the contract is IANA only.
        return zone.HasIanaId || zone.Id == "UTC";
    }

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    // The first instant of a local day.
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);

        // Where DST starts at midnight (e.g. America/Santiago) the day begins at the end of the gap.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        // Where midnight happens twice, the day begins at the first one: the larger offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    // The last instant (to the tick) of a local day, expressed with that day's offset.
    public static DateTimeOffset EndOfDay(DateOnly day, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(StartOfDay(day.AddDays(1), zone).AddTicks(-1), zone);
}
