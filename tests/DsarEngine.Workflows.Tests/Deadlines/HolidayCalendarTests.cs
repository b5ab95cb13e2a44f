using DsarEngine.Workflows.Deadlines.Holidays;
using static DsarEngine.Workflows.Tests.Deadlines.TestQueries;

namespace DsarEngine.Workflows.Tests.Deadlines;

// Dates checked against published calendars (gov.uk/bank-holidays, opm.gov, the Irish, Canadian, Brazilian
// and Russian official lists) for the years named.
public sealed class HolidayCalendarTests
{
    [TestCase(2024, "2024-03-31")]
    [TestCase(2025, "2025-04-20")]
    [TestCase(2026, "2026-04-05")]
    [TestCase(2000, "2000-04-23")]
    [TestCase(2008, "2008-03-23")]
    [TestCase(2038, "2038-04-25")]
    public void Easter_Sunday_matches_the_published_dates(int year, string easter)
    {
        Assert.That(Computus.EasterSunday(year), Is.EqualTo(D(easter)));
    }

    [TestCase("2021-12-27", "Christmas Day (substitute day)")]
    [TestCase("2021-12-28", "Boxing Day (substitute day)")]
    [TestCase("2022-12-26", "Boxing Day")]
    [TestCase("2022-12-27", "Christmas Day (substitute day)")]
    [TestCase("2020-12-28", "Boxing Day (substitute day)")]
    [TestCase("2022-01-03", "New Year's Day (substitute day)")]
    [TestCase("2025-08-25", "Summer bank holiday")]
    public void England_and_Wales_bank_holidays(string date, string name)
    {
        Assert.That(NameOn(HolidayCalendars.EnglandAndWales, date), Is.EqualTo(name));
    }

    // gov.uk: one-off changes by royal proclamation, held as data.
    [TestCase("2020-05-08", true, TestName = "VE Day 2020 is the early May bank holiday")]
    [TestCase("2020-05-04", false, TestName = "4 May 2020 is not a bank holiday")]
    [TestCase("2022-05-30", false, TestName = "30 May 2022 is not a bank holiday")]
    [TestCase("2022-06-02", true, TestName = "2 June 2022 is the moved spring bank holiday")]
    [TestCase("2022-06-03", true, TestName = "3 June 2022 is the Platinum Jubilee bank holiday")]
    [TestCase("2022-09-19", true, TestName = "19 September 2022 is the Queen's funeral bank holiday")]
    [TestCase("2023-05-08", true, TestName = "8 May 2023 is the coronation bank holiday")]
    [TestCase("2024-05-27", true, TestName = "The spring bank holiday is the last Monday of May in ordinary years")]
    public void UK_one_off_bank_holidays(string date, bool isHoliday)
    {
        Assert.That(HolidayCalendars.EnglandAndWales.TryGetHoliday(D(date), out _), Is.EqualTo(isHoliday));
    }

    [TestCase("2022-01-03", "New Year's Day (substitute day)")]
    [TestCase("2022-01-04", "2nd January (substitute day)")]
    [TestCase("2025-08-04", "Summer bank holiday")]
    [TestCase("2025-12-01", "St Andrew's Day (substitute day)")]
    public void Scottish_bank_holidays(string date, string name)
    {
        Assert.That(NameOn(HolidayCalendars.Scotland, date), Is.EqualTo(name));
    }

    [Test]
    public void Scotland_has_no_Easter_Monday_or_late_August_holiday()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(HolidayCalendars.Scotland.TryGetHoliday(D("2025-04-21"), out _), Is.False);
            Assert.That(HolidayCalendars.Scotland.TryGetHoliday(D("2025-08-25"), out _), Is.False);
        }
    }

    [TestCase("2024-03-18", "St Patrick's Day (substitute day)")]
    [TestCase("2026-07-13", "Battle of the Boyne (Orangemen's Day) (substitute day)")]
    public void Northern_Irish_bank_holidays(string date, string name)
    {
        Assert.That(NameOn(HolidayCalendars.NorthernIreland, date), Is.EqualTo(name));
    }

    // OPM: Saturday holidays are observed on Friday, Sunday ones on Monday, across the year boundary too.
    [TestCase("2026-07-03", "Independence Day (observed)")]
    [TestCase("2021-12-31", "New Year's Day (observed)")]
    [TestCase("2022-06-20", "Juneteenth National Independence Day (observed)")]
    [TestCase("2025-11-27", "Thanksgiving Day")]
    [TestCase("2025-01-20", "Birthday of Martin Luther King, Jr.")]
    public void US_federal_holidays(string date, string name)
    {
        Assert.That(NameOn(HolidayCalendars.UnitedStatesFederal, date), Is.EqualTo(name));
    }

    [Test]
    public void Juneteenth_is_a_federal_holiday_only_from_2021()
    {
        Assert.That(HolidayCalendars.UnitedStatesFederal.TryGetHoliday(D("2020-06-19"), out _), Is.False);
    }

    [TestCase("IE", "2025-02-03", "St Brigid's Day")]
    [TestCase("IE", "2030-02-01", "St Brigid's Day")]
    [TestCase("IE", "2030-02-04", null)]
    [TestCase("IE", "2022-03-18", "Public holiday (once, in recognition of the COVID-19 response)")]
    [TestCase("DE", "2017-10-31", "Reformation Day (500th anniversary, nationwide once)")]
    [TestCase("NL", "2025-04-26", "King's Day")]
    [TestCase("NL", "2013-04-30", "Queen's Day")]
    [TestCase("CA", "2025-05-19", "Victoria Day")]
    [TestCase("CA", "2023-07-03", "Canada Day (substitute day)")]
    [TestCase("BR", "2024-11-20", "Black Consciousness Day")]
    [TestCase("CH", "2025-08-01", "Swiss National Day")]
    [TestCase("RU", "2025-02-24", "Defender of the Fatherland Day (substitute day)")]
    [TestCase("RU", "2025-01-08", "New Year holidays")]
    [TestCase("ES", "2025-10-13", null)]
    [TestCase("ES", "2025-12-08", "Immaculate Conception")]
    [TestCase("IT", "2025-04-25", "Liberation Day")]
    [TestCase("BE", "2025-07-21", "National Day")]
    [TestCase("US-CA", "2025-03-31", "Cesar Chavez Day")]
    [TestCase("US-CA", "2024-04-01", "Cesar Chavez Day (observed)")]
    [TestCase("US-CA", "2025-09-26", "Native American Day")]
    [TestCase("US-CA", "2023-11-10", "Veterans Day (observed)")]
    [TestCase("US-CA", "2025-11-28", "Day after Thanksgiving")]
    [TestCase("US-CA", "2026-07-03", null)]
    [TestCase("US-CA", "2025-02-12", null)]
    [TestCase("US-CA", "2025-06-19", null)]
    [TestCase("US-CA", "2025-10-13", null)]
    public void National_holidays(string calendarId, string date, string? name)
    {
        var calendar = HolidayCalendars.All.Single(c => c.Id == calendarId);

        Assert.That(NameOn(calendar, date), Is.EqualTo(name));
    }

    [Test]
    public void Two_holidays_on_one_day_are_both_named()
    {
        // 1 May 2008 was both Ascension Day and Labour Day in France.
        Assert.That(NameOn(HolidayCalendars.France, "2008-05-01"), Is.EqualTo("Labour Day / Ascension Day"));
    }

    private static string? NameOn(HolidayCalendar calendar, string date) =>
        calendar.TryGetHoliday(D(date), out var name) ? name : null;
}
