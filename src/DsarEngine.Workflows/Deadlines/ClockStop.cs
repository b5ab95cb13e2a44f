namespace DsarEngine.Workflows.Deadlines;

// A wait for identity proof, clarification or a fee, in the controller's local dates. Start is the day the
// controller asked; End the day the answer arrived, or null while still waiting.
internal sealed record ClockStop(DateOnly Start, DateOnly? End, string Reason)
{
    // The day of asking counts as elapsed, the day of arrival does not (like the day of receipt).
    public int Days => End is { } end ? end.DayNumber - Start.DayNumber : 0;

    // ISO 8601 interval, ".." for an open end (ISO 8601-2).
    public string Interval => $"{IsoDate.Format(Start)}/{(End is { } end ? IsoDate.Format(end) : "..")}";
}
