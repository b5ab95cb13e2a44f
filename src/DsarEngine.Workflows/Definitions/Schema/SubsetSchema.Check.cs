using System.Text.Json;
using System.Text.RegularExpressions;

namespace DsarEngine.Workflows.Definitions.Schema;

// Refusing a schema the validator could not enforce faithfully: unknown keywords, keyword values of the wrong
// shape, patterns that are not regular expressions, references that lead nowhere or round in circles.
internal sealed partial class SubsetSchema
{
    private const string DefsPrefix = "#/$defs/";

    private static void Check(JsonElement root, JsonElement schema, string at, List<SchemaError> problems, Dictionary<string, Regex> patterns)
    {
        if (schema.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return;
        if (schema.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new SchemaError(at, "A schema must be an object or a boolean."));
            return;
        }
        foreach (var keyword in schema.EnumerateObject())
        {
            var here = JsonPointer.Append(at, keyword.Name);
            if (!SchemaKeywords.Shapes.TryGetValue(keyword.Name, out var shape))
                problems.Add(new SchemaError(here, $"Keyword '{keyword.Name}' is not supported by this validator, so it could not be enforced."));
            else if (shape(keyword.Value) is { } wrong)
                problems.Add(new SchemaError(here, wrong));
            else
                CheckValue(root, keyword, here, problems, patterns);
        }
    }

    private static void CheckValue(JsonElement root, JsonProperty keyword, string here, List<SchemaError> problems, Dictionary<string, Regex> patterns)
    {
        switch (keyword.Name)
        {
            case "properties" or "$defs":
                foreach (var member in keyword.Value.EnumerateObject())
                    Check(root, member.Value, JsonPointer.Append(here, member.Name), problems, patterns);
                break;
            case "additionalProperties" or "items" or "not" or "if" or "then" or "else":
                Check(root, keyword.Value, here, problems, patterns);
                break;
            case "allOf" or "anyOf" or "oneOf":
                var i = 0;
                foreach (var branch in keyword.Value.EnumerateArray())
                    Check(root, branch, JsonPointer.Append(here, i++), problems, patterns);
                break;
            case "$ref" when Resolve(root, keyword.Value.GetString()!) is null:
                problems.Add(new SchemaError(here, $"'{keyword.Value.GetString()}' does not resolve: only '{DefsPrefix}<name>' references to an existing definition are supported."));
                break;
            case "pattern":
                CheckPattern(keyword.Value.GetString()!, here, problems, patterns);
                break;
        }
    }

    // JSON Schema patterns are ECMA-262; .NET's default dialect agrees on the constructs a definition schema needs.
    private static void CheckPattern(string pattern, string here, List<SchemaError> problems, Dictionary<string, Regex> patterns)
    {
        try
        {
            patterns.TryAdd(pattern, new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
        }
        catch (ArgumentException ex)
        {
            problems.Add(new SchemaError(here, $"Not a valid regular expression: {ex.Message}"));
        }
    }

    private static JsonElement? Resolve(JsonElement root, string reference) =>
        reference.StartsWith(DefsPrefix, StringComparison.Ordinal) ? Definition(root, JsonPointer.Unescape(reference[DefsPrefix.Length..])) : null;

    private static JsonElement? Definition(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("$defs", out var defs) && defs.ValueKind == JsonValueKind.Object
        && defs.TryGetProperty(name, out var target)
            ? target : null;
}
