using System.Globalization;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Deadlines;

// Computes the legal deadlines of a data-subject request. Pure: the same query always gives the same
// answer, and nothing here reads the clock.
internal static class LegalClock
{
    // Throws ArgumentException for an invalid query: queries built by DeadlineQueryParser are valid, and
    // DeadlineQueryValidator says what is wrong with any other.
    public static DeadlineComputation Compute(DeadlineQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!DeadlineQueryValidator.TryResolve(query, out var resolved, out var errors))
        {
            var messages = errors.ToDictionary().SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"));
            throw new ArgumentException($"Invalid deadline query: {string.Join("; ", messages)}", nameof(query));
        }

        // The regime's rules for the right exercised (DeadlineQueryValidator applied ForRight).
        var (regime, jurisdiction, zone, receivedOn) = resolved;
        var steps = new List<DeadlineStep> { ReceiptStep(query.ReceivedAt, receivedOn, zone) };
        if (query.Right is { } right && regime.RightPeriods.Any(p => p.Right == right))
        {
            steps.Add(new DeadlineStep(StepKinds.Period,
                $"A {right.ToSlug()} request has its own period under {regime.Id}: {regime.Period} ({regime.PeriodSource})", receivedOn));
        }

        var calendar = Calendar(query, regime, jurisdiction, receivedOn, steps);
        var stop = ClockStops.Apply(regime, query.Right, receivedOn, query.Stops, steps);
        var initial = DueDates.Initial(regime, stop, calendar, steps);
        var extendedDue = DueDates.Extended(regime, query.ExtensionMethod, stop, initial, calendar, steps);
        DateOnly? noticeBy = extendedDue is null ? null : initial.Due;
        if (noticeBy is { } by)
        {
            steps.Add(new DeadlineStep(StepKinds.NoticeBy,
                $"To extend, tell the subject with reasons by {IsoDate.Format(by)}, the initial deadline", by));
        }

        var acknowledgeBy = Acknowledge(regime, receivedOn, calendar, steps);
        var effectiveDue = query.Extended && extendedDue is { } extended ? extended : initial.Due;
        var effectiveDueAt = TimeZones.EndOfDay(effectiveDue, zone);
        steps.Add(new DeadlineStep(StepKinds.Due,
            $"Effective deadline: {IsoDate.Format(effectiveDue)} ({(query.Extended ? "extended" : "initial")}), until "
                + $"{effectiveDueAt.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)} {zone.Id}",
            effectiveDue));

        return new DeadlineComputation
        {
            Regime = regime.Id,
            Jurisdiction = jurisdiction.Code,
            TimeZone = zone.Id,
            ReceivedOn = receivedOn,
            InitialDue = initial.Due,
            ExtensionNoticeBy = noticeBy,
            ExtendedDue = extendedDue,
            AcknowledgeBy = acknowledgeBy,
            Extended = query.Extended,
            EffectiveDue = effectiveDue,
            EffectiveDueAt = effectiveDueAt,
            StoppedDays = stop.StoppedDays,
            ClockStoppedSince = stop.StoppedSince,
            HolidayCalendar = calendar.HolidayCalendar?.Name,
            Right = query.Right?.ToSlug(),
            Steps = steps,
        };
    }

    // Public holidays are the jurisdiction's, except where the regime counts business days of its own (CCPA):
    // then weekends only unless the query asks for the regime's state holidays (BusinessDayReading).
    private static WorkingCalendar Calendar(
        DeadlineQuery query, RegimeRules regime, JurisdictionInfo jurisdiction, DateOnly receivedOn, List<DeadlineStep> steps)
    {
        if (regime.BusinessDayHolidays is { } own)
        {
            var holidayAware = query.BusinessDays == BusinessDayReading.StateHolidays;
            steps.Add(new DeadlineStep(StepKinds.Calendar, holidayAware
                ? $"Business days under {regime.Id} skip {own.Name} holidays, the holiday-aware reading ({regime.BusinessDaySource})"
                : $"Business days under {regime.Id} skip Saturdays, Sundays and closure days only, the earliest reading " +
                    $"({regime.BusinessDaySource})",
                receivedOn));
            return new WorkingCalendar(holidayAware ? own : null, own.Name, query.ClosureDays);
        }

        if (jurisdiction.Calendar is null)
        {
            steps.Add(new DeadlineStep(StepKinds.Calendar,
                $"No public holiday calendar is provided for {jurisdiction.Code}: " +
                $"only Saturdays, Sundays and closure days are treated as days off",
                receivedOn));
        }

        return new WorkingCalendar(jurisdiction, query.ClosureDays);
    }

    // Receipt is taken in the controller's zone: 00:30 in Paris on 1 February is 1 February, even though it
    // is still 31 January in UTC.
    private static DeadlineStep ReceiptStep(DateTimeOffset receivedAt, DateOnly receivedOn, TimeZoneInfo zone) =>
        new(StepKinds.Receipt,
            $"Received {receivedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)}, which is "
                + $"{IsoDate.Format(receivedOn)} in {zone.Id}; the day of receipt is not counted",
            receivedOn);

    private static DateOnly? Acknowledge(RegimeRules regime, DateOnly receivedOn, WorkingCalendar calendar, List<DeadlineStep> steps)
    {
        if (regime.Acknowledgement is not { } period)
        {
            return null;
        }

        var by = PeriodArithmetic.Add(receivedOn, period, calendar);
        steps.Add(new DeadlineStep(StepKinds.Acknowledge,
            $"Acknowledge receipt by {IsoDate.Format(by)}: {period} after receipt ({regime.AcknowledgementSource})", by));
        return by;
    }
}
