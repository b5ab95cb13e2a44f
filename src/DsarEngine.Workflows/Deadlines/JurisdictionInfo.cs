using DsarEngine.Workflows.Deadlines.Holidays;

namespace DsarEngine.Workflows.Deadlines;

// A country (ISO 3166-1 alpha-2) or subdivision (ISO 3166-2) with what the clock needs to know about it.
// Calendar is null where no holiday calendar is provided: only weekends are days off there.
internal sealed record JurisdictionInfo(
    string Code,
    string Country,
    string Name,
    string DefaultTimeZone,
    HolidayCalendar? Calendar,
    string? DefaultRegime);
