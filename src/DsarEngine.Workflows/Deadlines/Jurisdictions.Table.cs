using DsarEngine.Workflows.Deadlines.Holidays;

namespace DsarEngine.Workflows.Deadlines;

internal static partial class Jurisdictions
{
    // A country spanning several zones gets its capital's zone; callers can pass another.
    private static IEnumerable<JurisdictionInfo> Table()
    {
        string[][] europeanEconomicArea =
        [
            ["AT", "Austria", "Europe/Vienna"], ["BE", "Belgium", "Europe/Brussels"], ["BG", "Bulgaria", "Europe/Sofia"],
            ["HR", "Croatia", "Europe/Zagreb"], ["CY", "Cyprus", "Asia/Nicosia"], ["CZ", "Czechia", "Europe/Prague"],
            ["DK", "Denmark", "Europe/Copenhagen"], ["EE", "Estonia", "Europe/Tallinn"], ["FI", "Finland", "Europe/Helsinki"],
            ["FR", "France", "Europe/Paris"], ["DE", "Germany", "Europe/Berlin"], ["GR", "Greece", "Europe/Athens"],
            ["HU", "Hungary", "Europe/Budapest"], ["IE", "Ireland", "Europe/Dublin"], ["IT", "Italy", "Europe/Rome"],
            ["LV", "Latvia", "Europe/Riga"], ["LT", "Lithuania", "Europe/Vilnius"], ["LU", "Luxembourg", "Europe/Luxembourg"],
            ["MT", "Malta", "Europe/Malta"], ["NL", "Netherlands", "Europe/Amsterdam"], ["PL", "Poland", "Europe/Warsaw"],
            ["PT", "Portugal", "Europe/Lisbon"], ["RO", "Romania", "Europe/Bucharest"], ["SK", "Slovakia", "Europe/Bratislava"],
            ["SI", "Slovenia", "Europe/Ljubljana"], ["ES", "Spain", "Europe/Madrid"], ["SE", "Sweden", "Europe/Stockholm"],
            ["IS", "Iceland", "Atlantic/Reykjavik"], ["LI", "Liechtenstein", "Europe/Vaduz"], ["NO", "Norway", "Europe/Oslo"],
        ];
        foreach (var c in europeanEconomicArea)
        {
            yield return new(c[0], c[0], c[1], c[2], CalendarOf(c[0]), "gdpr");
        }

        foreach (var (code, name) in new[] { ("FR-57", "Moselle"), ("FR-67", "Bas-Rhin"), ("FR-68", "Haut-Rhin") })
        {
            yield return new(code, "FR", $"France ({name})", "Europe/Paris", HolidayCalendars.AlsaceMoselle, "gdpr");
        }

        // GB as a whole uses the England and Wales calendar, where most UK controllers sit.
        yield return new("GB", "GB", "United Kingdom", "Europe/London", HolidayCalendars.EnglandAndWales, "uk-gdpr");
        yield return new("GB-ENG", "GB", "England", "Europe/London", HolidayCalendars.EnglandAndWales, "uk-gdpr");
        yield return new("GB-WLS", "GB", "Wales", "Europe/London", HolidayCalendars.EnglandAndWales, "uk-gdpr");
        yield return new("GB-SCT", "GB", "Scotland", "Europe/London", HolidayCalendars.Scotland, "uk-gdpr");
        yield return new("GB-NIR", "GB", "Northern Ireland", "Europe/London", HolidayCalendars.NorthernIreland, "uk-gdpr");

        var us = HolidayCalendars.UnitedStatesFederal;
        yield return new("US", "US", "United States", "America/New_York", us, null);
        yield return new("US-CA", "US", "California", "America/Los_Angeles", us, "ccpa");
        yield return new("US-VA", "US", "Virginia", "America/New_York", us, "vcdpa");
        yield return new("US-CO", "US", "Colorado", "America/Denver", us, "cpa");
        yield return new("US-CT", "US", "Connecticut", "America/New_York", us, "ctdpa");

        yield return new("BR", "BR", "Brazil", "America/Sao_Paulo", HolidayCalendars.Brazil, "lgpd");
        yield return new("CH", "CH", "Switzerland", "Europe/Zurich", HolidayCalendars.Switzerland, "nfadp");
        yield return new("CA", "CA", "Canada", "America/Toronto", HolidayCalendars.Canada, "pipeda");
        yield return new("RU", "RU", "Russia", "Europe/Moscow", HolidayCalendars.Russia, "152-fz");
    }

    private static HolidayCalendar? CalendarOf(string country) => country switch
    {
        "FR" => HolidayCalendars.France,
        "DE" => HolidayCalendars.Germany,
        "IE" => HolidayCalendars.Ireland,
        "ES" => HolidayCalendars.Spain,
        "IT" => HolidayCalendars.Italy,
        "NL" => HolidayCalendars.Netherlands,
        "BE" => HolidayCalendars.Belgium,
        _ => null,
    };
}
