namespace DsarEngine.Workflows.Deadlines.Holidays;

// Gregorian Easter by the anonymous (Meeus/Jones/Butcher) algorithm, so that Easter-based holidays are
// computed for any year instead of being typed in per year. Checked against published dates in the tests
// (e.g. 2024-03-31, 2025-04-20, 2026-04-05).
internal static class Computus
{
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var monthAndDay = h + l - (7 * m) + 114;
        return new DateOnly(year, monthAndDay / 31, (monthAndDay % 31) + 1);
    }
}
