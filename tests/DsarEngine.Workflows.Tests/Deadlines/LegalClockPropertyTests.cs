using DsarEngine.Workflows.Deadlines;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Tests.Deadlines;

// Hand-rolled property tests: seeded, so a failure is reproducible; receipt instants anywhere in 2000-2100,
// every regime with every jurisdiction, every right and both business-day readings.
public sealed class LegalClockPropertyTests
{
    private const int Seed = 20250305;
    private static readonly DateTimeOffset First = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Last = new(2100, 12, 31, 23, 59, 59, TimeSpan.Zero);

    [Test]
    public void Deadlines_fall_after_receipt_on_days_the_regime_allows_and_extensions_come_later()
    {
        var random = new Random(Seed);
        var failures = new List<string>();
        for (var i = 0; i < 4000; i++)
        {
            var query = RandomQuery(random);
            var result = LegalClock.Compute(query);
            var regime = Rules(result.Regime).ForRight(query.Right);
            var calendar = CalendarOf(result.Jurisdiction, regime, query.BusinessDays);

            // A same-day period (152-FZ blocking) is due on the day of receipt.
            Check(regime.Period.Amount == 0 ? result.InitialDue >= result.ReceivedOn : result.InitialDue > result.ReceivedOn,
                "initial due not after receipt", query, failures);
            Check(result.EffectiveDueAt > query.ReceivedAt, "due instant not after receipt", query, failures);
            Check(calendar.WhyRollPast(result.InitialDue, regime.RollForward) is null, "initial due on a day off", query, failures);
            if (regime.AllowsExtension)
            {
                Check(result.ExtendedDue > result.InitialDue, "extension not later", query, failures);
                Check(calendar.WhyRollPast(result.ExtendedDue!.Value, regime.RollForward) is null, "extended due on a day off", query,
                    failures);
            }
            else
            {
                Check(result.ExtendedDue is null, "extension where the regime has none", query, failures);
            }

            if (result.AcknowledgeBy is { } acknowledgeBy)
            {
                Check(acknowledgeBy > result.ReceivedOn && calendar.IsWorkingDay(acknowledgeBy), "acknowledgement on a day off", query,
                    failures);
            }
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Later_receipt_never_gives_an_earlier_deadline()
    {
        var random = new Random(Seed + 1);
        var failures = new List<string>();
        for (var walk = 0; walk < 200; walk++)
        {
            var query = RandomQuery(random);
            var previous = LegalClock.Compute(query);

            // 40 consecutive days cross at least one month end and usually a holiday.
            for (var day = 1; day <= 40; day++)
            {
                var current = LegalClock.Compute(query with { ReceivedAt = query.ReceivedAt.AddDays(day) });
                Check(current.InitialDue >= previous.InitialDue, $"initial due went back on day {day}", query, failures);
                Check(current.ExtendedDue >= previous.ExtendedDue || current.ExtendedDue is null, $"extended due went back on day {day}",
                    query, failures);
                previous = current;
            }
        }

        Assert.That(failures, Is.Empty);
    }

    private static DeadlineQuery RandomQuery(Random random)
    {
        var regime = Regimes.All[random.Next(Regimes.All.Count)];
        var jurisdictions = Jurisdictions.All.ToArray();
        var jurisdiction = jurisdictions[random.Next(jurisdictions.Length)];
        var seconds = random.NextInt64((long)(Last - First).TotalSeconds);
        var rights = Enum.GetValues<Right>();
        var pick = random.Next(rights.Length + 1);
        return new DeadlineQuery(regime.Id, jurisdiction.Code, First.AddSeconds(seconds))
        {
            ExtensionMethod = random.Next(2) == 0 ? ExtensionMethod.FromReceipt : ExtensionMethod.FromInitialDue,
            Right = pick < rights.Length ? rights[pick] : null,
            BusinessDays = random.Next(2) == 0 ? BusinessDayReading.WeekendsOnly : BusinessDayReading.StateHolidays,
        };
    }

    private static RegimeRules Rules(string id) => Regimes.TryGet(id, out var rules) ? rules : throw new AssertionException(id);

    private static WorkingCalendar CalendarOf(string code, RegimeRules regime, BusinessDayReading reading) =>
        !Jurisdictions.TryGet(code, out var info) ? throw new AssertionException(code)
        : regime.BusinessDayHolidays is { } own
            ? new WorkingCalendar(reading == BusinessDayReading.StateHolidays ? own : null, own.Name, [])
            : new WorkingCalendar(info, []);

    private static void Check(bool holds, string property, DeadlineQuery query, List<string> failures)
    {
        if (!holds && failures.Count < 10)
        {
            failures.Add($"{property}: {query.Regime} {query.Jurisdiction} {query.ReceivedAt:O} {query.ExtensionMethod} {query.Right}");
        }
    }
}
