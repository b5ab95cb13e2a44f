using System.Text.Json;

namespace DsarEngine.Workflows.Definitions.Schema;

// The keywords of JSON Schema 2020-12 that SubsetSchema implements, each with a check of its value's shape.
// Anything else is refused when the schema is loaded: a keyword the validator skipped would be a rule nobody enforces.
internal static class SchemaKeywords
{
    public const string Draft = "https://json-schema.org/draft/2020-12/schema";

    public static readonly IReadOnlySet<string> TypeNames =
        new HashSet<string>(StringComparer.Ordinal) { "object", "array", "string", "integer", "number", "boolean", "null" };

    // Value shape per keyword: null when fine, otherwise what is wrong.
    public static readonly IReadOnlyDictionary<string, Func<JsonElement, string?>> Shapes = new Dictionary<string, Func<JsonElement, string?>>(StringComparer.Ordinal)
    {
        ["$schema"] = v => v.ValueKind == JsonValueKind.String && v.GetString() == Draft ? null : $"Only draft 2020-12 (\"{Draft}\") is implemented.",
        ["$id"] = String, ["$comment"] = String, ["title"] = String, ["description"] = String,
        ["default"] = Any, ["examples"] = Any, ["const"] = Any,
        ["$defs"] = Object, ["properties"] = Object,
        ["$ref"] = String, ["pattern"] = String,
        ["additionalProperties"] = Schema, ["items"] = Schema, ["not"] = Schema, ["if"] = Schema, ["then"] = Schema, ["else"] = Schema,
        ["allOf"] = SchemaList, ["anyOf"] = SchemaList, ["oneOf"] = SchemaList,
        ["type"] = Type, ["required"] = Strings, ["enum"] = NonEmptyArray, ["uniqueItems"] = Boolean,
        ["minItems"] = Count, ["maxItems"] = Count, ["minLength"] = Count, ["maxLength"] = Count,
        ["minimum"] = Number, ["maximum"] = Number,
    };

    private static string? Any(JsonElement v) => null;

    private static string? String(JsonElement v) => v.ValueKind == JsonValueKind.String ? null : "Must be a string.";

    private static string? Object(JsonElement v) => v.ValueKind == JsonValueKind.Object ? null : "Must be an object.";

    private static string? Boolean(JsonElement v) => v.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "Must be true or false.";

    private static string? Number(JsonElement v) => v.ValueKind == JsonValueKind.Number ? null : "Must be a number.";

    private static string? Count(JsonElement v) => v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n >= 0 ? null : "Must be a non-negative integer.";

    private static string? Schema(JsonElement v) =>
        v.ValueKind is JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False ? null : "Must be a schema (an object or a boolean).";

    // 2020-12 spells the array form of "items" as "prefixItems", which is not implemented.
    private static string? SchemaList(JsonElement v) => v.ValueKind == JsonValueKind.Array && v.GetArrayLength() > 0 ? null : "Must be a non-empty array of schemas.";

    private static string? NonEmptyArray(JsonElement v) => v.ValueKind == JsonValueKind.Array && v.GetArrayLength() > 0 ? null : "Must be a non-empty array.";

    private static string? Strings(JsonElement v) =>
        v.ValueKind == JsonValueKind.Array && v.EnumerateArray().All(s => s.ValueKind == JsonValueKind.String) ? null : "Must be an array of strings.";

    private static string? Type(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String when TypeNames.Contains(v.GetString()!) => null,
        JsonValueKind.Array when v.GetArrayLength() > 0 && v.EnumerateArray().All(t => t.ValueKind == JsonValueKind.String && TypeNames.Contains(t.GetString()!)) => null,
        _ => $"Must be one of {string.Join(", ", TypeNames)}, or a non-empty array of them.",
    };
}
