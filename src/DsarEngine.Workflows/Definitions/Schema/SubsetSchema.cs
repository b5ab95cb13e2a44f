using System.Text.Json;

namespace DsarEngine.Workflows.Definitions.Schema;

// Validates JSON against the subset of JSON Schema 2020-12 that workflows/definition.schema.json uses.
// Hand-written because no JSON Schema library is obtainable here: NJsonSchema's dependencies are missing from
// the package source, JsonSchema.Net's MIT versions likewise, and its 9.x line is under a fee-based EULA.
// A schema using a keyword outside the subset is refused when loaded, so a rule can never be skipped silently.
internal sealed partial class SubsetSchema
{
    private static readonly HashSet<string> Supported =
    [
        "$schema", "$id", "$defs", "$ref", "$comment", "title", "description", "default", "examples",
        "type", "properties", "required", "additionalProperties", "enum", "const", "items", "minItems", "maxItems",
        "uniqueItems", "minimum", "maximum", "minLength", "maxLength", "pattern", "oneOf", "anyOf", "allOf", "not",
        "if", "then", "else",
    ];

    private readonly JsonElement root;

    private SubsetSchema(JsonElement root) => this.root = root;

    public static SubsetSchema Load(JsonElement schema)
    {
        var problems = new List<string>();
        Check(schema, "#", problems);
        if (problems.Count > 0)
            throw new InvalidOperationException($"The definition schema cannot be enforced: {string.Join("; ", problems)}.");
        return new SubsetSchema(schema.Clone());
    }

    public IReadOnlyList<SchemaError> Validate(JsonElement document)
    {
        var errors = new List<SchemaError>();
        Validate(root, document, "", errors);
        return errors;
    }

    // Every keyword known, every $ref resolvable: checked once, before any document is validated.
    private static void Check(JsonElement schema, string at, List<string> problems)
    {
        if (schema.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return;
        if (schema.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{at} is not a schema");
            return;
        }
        foreach (var keyword in schema.EnumerateObject())
        {
            if (!Supported.Contains(keyword.Name))
                problems.Add($"{at}: keyword '{keyword.Name}' is not supported");
            switch (keyword.Name)
            {
                case "properties" or "$defs":
                    foreach (var p in keyword.Value.EnumerateObject())
                        Check(p.Value, $"{at}/{keyword.Name}/{p.Name}", problems);
                    break;
                case "items" or "additionalProperties" or "not" or "if" or "then" or "else":
                    Check(keyword.Value, $"{at}/{keyword.Name}", problems);
                    break;
                case "oneOf" or "anyOf" or "allOf":
                    var i = 0;
                    foreach (var s in keyword.Value.EnumerateArray())
                        Check(s, $"{at}/{keyword.Name}/{i++}", problems);
                    break;
                case "$ref" when !keyword.Value.GetString()!.StartsWith("#/$defs/", StringComparison.Ordinal):
                    problems.Add($"{at}: only local '#/$defs/...' references are supported");
                    break;
            }
        }
    }
}
