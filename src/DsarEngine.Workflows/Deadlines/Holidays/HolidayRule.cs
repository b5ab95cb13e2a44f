namespace DsarEngine.Workflows.Deadlines.Holidays;

// One recurring public holiday: how to find its date in a year, which years it exists in, and what
// happens when it falls on a weekend. Data, not code per year: calendars are lists of these.
internal sealed record HolidayRule(string Name, Func<int, DateOnly?> DateIn)
{
    public Substitution Substitution { get; init; } = Substitution.None;

    public int FromYear { get; init; } = int.MinValue;

    public int UntilYear { get; init; } = int.MaxValue;

    public bool AppliesIn(int year) => year >= FromYear && year <= UntilYear;

    public HolidayRule Since(int year) => this with { FromYear = year };

    public HolidayRule Until(int year) => this with { UntilYear = year };

    public HolidayRule Substituted(Substitution substitution = Substitution.NextFreeWeekday) =>
        this with { Substitution = substitution };

    public static HolidayRule Fixed(string name, int month, int day) => new(name, year => new DateOnly(year, month, day));

    public static HolidayRule Easter(string name, int daysAfterEaster) =>
        new(name, year => Computus.EasterSunday(year).AddDays(daysAfterEaster));

    // The nth given weekday of a month (n = 1 for the first).
    public static HolidayRule Nth(string name, int n, DayOfWeek dayOfWeek, int month) =>
        new(name, year => FirstOnOrAfter(new DateOnly(year, month, 1), dayOfWeek).AddDays(7 * (n - 1)));

    public static HolidayRule Last(string name, DayOfWeek dayOfWeek, int month) =>
        new(name, year => LastOnOrBefore(new DateOnly(year, month, 1).AddMonths(1).AddDays(-1), dayOfWeek));

    // E.g. Canada's Victoria Day: the Monday on or before 24 May.
    public static HolidayRule OnOrBefore(string name, DayOfWeek dayOfWeek, int month, int day) =>
        new(name, year => LastOnOrBefore(new DateOnly(year, month, day), dayOfWeek));

    private static DateOnly FirstOnOrAfter(DateOnly date, DayOfWeek dayOfWeek) =>
        date.AddDays(((int)dayOfWeek - (int)date.DayOfWeek + 7) % 7);

    private static DateOnly LastOnOrBefore(DateOnly date, DayOfWeek dayOfWeek) =>
        date.AddDays(-(((int)date.DayOfWeek - (int)dayOfWeek + 7) % 7));
}
