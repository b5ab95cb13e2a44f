using DsarEngine.Server.Subjects;

namespace DsarEngine.Server.Portal;

// Dates as the subject's language writes them, on the controller's calendar (the request's time zone): the legal
// clock counts in that zone's days, so "due on 3 March" means the same day for the subject and the organisation.
internal static class PortalDates
{
    public static string Long(DateOnly date, string language) =>
        date.ToString(language == "ru" ? "d MMMM yyyy 'г.'" : "d MMMM yyyy", SubjectLanguage.Culture(language));

    public static DateOnly Local(DateTimeOffset at, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone(timeZone)).DateTime);

    public static string Long(DateTimeOffset at, string timeZone, string language) => Long(Local(at, timeZone), language);

    public static string Time(DateTimeOffset at, string timeZone, string language) =>
        TimeZoneInfo.ConvertTime(at, Zone(timeZone)).ToString("t", SubjectLanguage.Culture(language));

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
