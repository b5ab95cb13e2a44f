namespace DsarEngine.Workflows.Definitions;

// The JSON shape of a definition file, read only after the schema has accepted it.
internal sealed record DefinitionDocument(string Id, int Version, string? Description, string[] Rights, ClockDocument Clock, StepDocument[] Steps)
{
    public WorkflowDefinition ToDefinition() =>
        new(Id, Version, Rights, new ClockPolicy(Clock.RemindDaysBefore, Clock.EscalateDaysAfter), [.. Steps.Select(s => s.ToStep())]);
}

internal sealed record ClockDocument(int[] RemindDaysBefore, int EscalateDaysAfter);

internal sealed record StepDocument(
    string Id, string Type, string? Description = null, string? Action = null, int? TimeoutHours = null, bool? Required = null,
    string[]? Methods = null, int? ExpiresHours = null, string? Event = null)
{
    public StepDefinition ToStep() => new(Id, Type, Action, TimeoutHours, Required ?? true, Methods, ExpiresHours, Event);
}
