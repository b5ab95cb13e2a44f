using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Deadlines;

// Everything the legal clock needs about one request. Regime and Jurisdiction are ids/codes as the caller
// has them (any case); DeadlineQueryParser builds one from raw strings with field errors.
internal sealed record DeadlineQuery(string Regime, string Jurisdiction, DateTimeOffset ReceivedAt)
{
    // IANA id; null means the jurisdiction's default zone.
    public string? TimeZone { get; init; }

    public IReadOnlyList<ClockStop> Stops { get; init; } = [];

    // Whether the extension was taken (the subject was told in time).
    public bool Extended { get; init; }

    public ExtensionMethod ExtensionMethod { get; init; } = ExtensionMethod.FromReceipt;

    public IReadOnlyList<ClosureDay> ClosureDays { get; init; } = [];

    // The right exercised: some regimes set a period per right (152-FZ), and UK clarification stops only access.
    // Null: the regime's general period, which is that of access.
    public Right? Right { get; init; }

    public BusinessDayReading BusinessDays { get; init; } = BusinessDayReading.WeekendsOnly;
}
