namespace DsarEngine.Workflows.Definitions;

// The JSON shape of a definition file (already schema-checked when this is read).
internal sealed record DefinitionDocument(string Id, int Version, string? Description, string[] Rights, ClockDocument Clock, StepDocument[] Steps);

internal sealed record ClockDocument(int[] RemindDaysBefore, int EscalateDaysAfter);

internal sealed record StepDocument(
    string Id, string Type, string? Description = null, string? Action = null, int? TimeoutHours = null, bool? Required = null,
    string[]? Methods = null, int? ExpiresHours = null, string? Event = null)
{
    public StepDefinition ToStep() => new(Id, Type, Action, TimeoutHours, Required ?? true, Methods, ExpiresHours, Event);
}
