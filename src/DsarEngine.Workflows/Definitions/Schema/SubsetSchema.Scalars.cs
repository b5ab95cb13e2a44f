using System.Globalization;
using System.Text.Json;

namespace DsarEngine.Workflows.Definitions.Schema;

internal sealed partial class SubsetSchema
{
    private static void ValidateNumber(JsonElement schema, JsonElement value, string path, List<SchemaError> errors)
    {
        if (value.ValueKind != JsonValueKind.Number)
            return;
        if (schema.TryGetProperty("minimum", out var min) && Compare(value, min) < 0)
            errors.Add(new SchemaError(path, $"Must be at least {min.GetRawText()}, is {value.GetRawText()}."));
        if (schema.TryGetProperty("maximum", out var max) && Compare(value, max) > 0)
            errors.Add(new SchemaError(path, $"Must be at most {max.GetRawText()}, is {value.GetRawText()}."));
    }

    // Exact for anything decimal holds; beyond that (1e400) doubles, which order infinities correctly.
    private static int Compare(JsonElement a, JsonElement b) =>
        a.TryGetDecimal(out var x) && b.TryGetDecimal(out var y) ? x.CompareTo(y)
            : double.Parse(a.GetRawText(), CultureInfo.InvariantCulture).CompareTo(double.Parse(b.GetRawText(), CultureInfo.InvariantCulture));

    // Lengths count Unicode code points, as the specification says, not UTF-16 units.
    private void ValidateString(JsonElement schema, JsonElement value, string path, List<SchemaError> errors)
    {
        if (value.ValueKind != JsonValueKind.String)
            return;
        var text = value.GetString()!;
        var length = text.EnumerateRunes().Count();
        if (schema.TryGetProperty("minLength", out var min) && length < min.GetInt32())
            errors.Add(new SchemaError(path, $"Needs at least {min.GetInt32()} character(s), has {length}."));
        if (schema.TryGetProperty("maxLength", out var max) && length > max.GetInt32())
            errors.Add(new SchemaError(path, $"Allows at most {max.GetInt32()} character(s), has {length}."));
        if (schema.TryGetProperty("pattern", out var pattern) && !patterns[pattern.GetString()!].IsMatch(text))
            errors.Add(new SchemaError(path, $"\"{text}\" does not match {pattern.GetString()}."));
    }

    private static bool HasType(JsonElement value, JsonElement type) =>
        type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Any(t => HasType(value, t.GetString()!)) : HasType(value, type.GetString()!);

    // "integer" is a number written without fraction or exponent. The specification also counts 1.0 as an
    // integer; refusing it is stricter, and keeps the mapping to int exact.
    private static bool HasType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        _ => value.ValueKind == JsonValueKind.Null,
    };

    private static string TypeText(JsonElement type) =>
        type.ValueKind == JsonValueKind.Array ? string.Join(" or ", type.EnumerateArray().Select(t => t.GetString())) : type.GetString()!;

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => $"number {value.GetRawText()}",
        JsonValueKind.String => $"string {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"boolean {value.GetRawText()}",
        _ => value.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture),
    };
}
