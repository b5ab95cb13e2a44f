using System.Text.Json;
using System.Text.Json.Serialization;

namespace DsarEngine.Workflows.Definitions;

// The JSON shape of a definition file, read only after the schema has accepted it.
internal sealed record DefinitionDocument(
    string Id, int Version, string? Description, string[] Rights, ClockDocument Clock, StepDocument[] Steps)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new WholeNumber() } };

    public WorkflowDefinition ToDefinition() =>
        new(Id, Version, Rights, new ClockPolicy(Clock.RemindDaysBefore, Clock.EscalateDaysAfter), [.. Steps.Select(s => s.ToStep())]);

    // JSON Schema counts 1.0 as an integer, and System.Text.Json reads an int only from digits without a fraction;
    // the schema bounds every integer member within int, so a whole number written either way reads as itself.
    private sealed class WholeNumber : JsonConverter<int>
    {
        public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TryGetInt32(out var value) ? value
            : reader.TryGetDecimal(out var number) && number == decimal.Truncate(number)
                && number is >= int.MinValue and <= int.MaxValue ? (int)number
            : throw new JsonException("Not a whole number within int; the schema should have refused it.");

        public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }
}

internal sealed record ClockDocument(int[] RemindDaysBefore, int EscalateDaysAfter);

internal sealed record StepDocument(
    string Id, string Type, string? Description = null, string? Action = null, int? TimeoutHours = null, bool? Required = null,
    string[]? Methods = null, int? ExpiresHours = null, string? Event = null, string[]? SkipForPurposes = null)
{
    public StepDefinition ToStep() =>
        new(Id, Type, Action, TimeoutHours, Required ?? true, Methods, ExpiresHours, Event) { SkipForPurposes = SkipForPurposes ?? [] };
}
