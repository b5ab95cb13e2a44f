namespace DsarEngine.Workflows.Deadlines;

// A day the organisation is closed (e.g. a company-wide shutdown), treated like a public holiday.
internal sealed record ClosureDay(DateOnly Date, string Name);
