namespace DsarEngine.Workflows.Deadlines;

// The result of LegalClock.Compute: every date a caseworker needs, plus the steps that explain them.
// Dates are local to the controller's time zone.
internal sealed record DeadlineComputation
{
    public required string Regime { get; init; }

    public required string Jurisdiction { get; init; }

    // The right whose period was used (slug); null: the regime's general period.
    public string? Right { get; init; }

    public required string TimeZone { get; init; }

    public required DateOnly ReceivedOn { get; init; }

    public required DateOnly InitialDue { get; init; }

    // Last day the subject can be told of an extension; null where the regime has none.
    public DateOnly? ExtensionNoticeBy { get; init; }

    // What the extension gives, computed whether or not it is taken; null where the regime has none.
    public DateOnly? ExtendedDue { get; init; }

    public DateOnly? AcknowledgeBy { get; init; }

    public required bool Extended { get; init; }

    public required DateOnly EffectiveDue { get; init; }

    // The last instant of EffectiveDue in the controller's time zone.
    public required DateTimeOffset EffectiveDueAt { get; init; }

    public required int StoppedDays { get; init; }

    // Set while a stop is still open: the dates above assume no further wait, and move later once the
    // awaited item arrives (the earliest possible deadline, so reminders are never late).
    public DateOnly? ClockStoppedSince { get; init; }

    // Null when the jurisdiction has no holiday calendar (weekends only).
    public string? HolidayCalendar { get; init; }

    public required IReadOnlyList<DeadlineStep> Steps { get; init; }
}
