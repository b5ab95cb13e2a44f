namespace DsarEngine.Workflows.Runtime;

// Read-only facts the executor may use: the request, the tenant's connectors, the clock. Loaded by the
// signal processor inside the transaction; the executor itself does no I/O.
internal sealed record StepContext(
    DateTimeOffset Now,
    string Right,
    string Reference,
    bool ClockStops,
    DateTimeOffset? DueAt,
    IReadOnlyList<ConnectorInfo> Connectors);

internal sealed record ConnectorInfo(string Name, IReadOnlyList<string> Actions, int TimeoutHours);
