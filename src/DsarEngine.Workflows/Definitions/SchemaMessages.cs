using System.Globalization;
using System.Text.Json;
using Json.Pointer;
using Json.Schema;

namespace DsarEngine.Workflows.Definitions;

// Words JsonSchema.Net's hierarchical results for the person fixing a file: the JSON Pointer of the offending value
// and the rule it breaks, with the values involved (/steps/3/action: "wipe" is not one of locate, export, …).
// Only a failing subschema under failing parents speaks for the document: a false `if` merely leaves its `then`
// unapplied, and the branches of anyOf, oneOf and not are summed up in one sentence. A keyword without a sentence
// here keeps the library's own message.
internal static class SchemaMessages
{
    public static IReadOnlyList<(string Path, string Message)> Of(EvaluationResults results, JsonElement schema, JsonElement document)
    {
        var found = new List<(string Path, string Message)>();
        Collect(results, schema, document, found);
        // The document failed, so something is said even if no keyword named itself.
        if (found.Count == 0)
            found.Add(("", "Does not match the schema."));
        // A rule reached twice ("required" on the step dispatcher and on the shape it dispatches to) is told once.
        return [.. found.Distinct()];
    }

    private static void Collect(EvaluationResults node, JsonElement schema, JsonElement document, List<(string Path, string Message)> found)
    {
        if (node.IsValid)
            return;
        var at = node.InstanceLocation;
        var value = at.Evaluate(document);
        var subschema = SchemaPath.Resolve(schema, node.EvaluationPath);
        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
            found.AddRange(keyword.Length == 0
                ? [(at.ToString(), FalseSchema(node))]
                : Words(keyword, message, at, value, Rule(subschema, keyword)));
        foreach (var branches in (node.Details ?? []).GroupBy(child => KeywordOf(child, node)))
        {
            var passing = branches.Count(b => b.IsValid);
            var total = branches.Count();
            switch (branches.Key)
            {
                case "if":
                    break;
                case "anyOf" when passing == 0:
                    found.Add((at.ToString(), $"Matches none of the {total} allowed shapes."));
                    break;
                case "oneOf" when passing != 1:
                    found.Add((at.ToString(), $"Matches {passing} of the {total} allowed shapes; exactly one is required."));
                    break;
                case "not" when passing > 0:
                    found.Add((at.ToString(), "Matches a shape that is not allowed here."));
                    break;
                case "anyOf" or "oneOf" or "not":
                    break;
                default:
                    foreach (var branch in branches)
                        Collect(branch, schema, document, found);
                    break;
            }
        }
    }

    // The keyword of the parent's schema that applied this child's subschema ("properties", "$ref", "if", …).
    private static string KeywordOf(EvaluationResults child, EvaluationResults parent) =>
        child.EvaluationPath.SegmentCount > parent.EvaluationPath.SegmentCount
            ? SchemaPath.Token(child.EvaluationPath, parent.EvaluationPath.SegmentCount)
            : "";

    private static string FalseSchema(EvaluationResults node) =>
        node.EvaluationPath.SegmentCount > 0 && node.InstanceLocation.SegmentCount > 0
        && SchemaPath.Token(node.EvaluationPath, node.EvaluationPath.SegmentCount - 1) is "additionalProperties" or "unevaluatedProperties"
            ? $"Unknown property '{SchemaPath.Token(node.InstanceLocation, node.InstanceLocation.SegmentCount - 1)}'."
            : "Not allowed here.";

    private static IEnumerable<(string Path, string Message)> Words(
        string keyword, string message, JsonPointer at, JsonElement? found, JsonElement? rule)
    {
        if (found is not { } value || rule is not { } r)
            return [(at.ToString(), message)];
        return keyword switch
        {
            "required" => r.EnumerateArray()
                .Select(n => n.GetString()!)
                .Where(n => !value.TryGetProperty(n, out _))
                .Select(n => (at.Combine(n).ToString(), "Required.")),
            "uniqueItems" => Repeats(value).Select(i => (at.Combine(i).ToString(), $"{value[i].GetRawText()} appears more than once.")),
            _ => [(at.ToString(), Sentence(keyword, r, value) ?? message)],
        };
    }

    private static string? Sentence(string keyword, JsonElement rule, JsonElement value) => keyword switch
    {
        "type" => $"Expected {TypeText(rule)}, found {Describe(value)}.",
        "enum" => $"{value.GetRawText()} is not one of {string.Join(", ", rule.EnumerateArray().Select(o => o.ToString()))}.",
        "const" => $"Must be {rule.GetRawText()}, not {value.GetRawText()}.",
        "minimum" => $"Must be at least {rule.GetRawText()}, is {value.GetRawText()}.",
        "maximum" => $"Must be at most {rule.GetRawText()}, is {value.GetRawText()}.",
        "minItems" => $"Needs at least {rule.GetRawText()} item(s), has {value.GetArrayLength()}.",
        "maxItems" => $"Allows at most {rule.GetRawText()} item(s), has {value.GetArrayLength()}.",
        // Lengths count Unicode code points, as the specification does, not UTF-16 units.
        "minLength" => $"Needs at least {rule.GetRawText()} character(s), has {value.GetString()!.EnumerateRunes().Count()}.",
        "maxLength" => $"Allows at most {rule.GetRawText()} character(s), has {value.GetString()!.EnumerateRunes().Count()}.",
        "pattern" => $"{value.GetRawText()} does not match {rule.GetString()}.",
        "format" => $"{value.GetRawText()} is not a valid {rule.GetString()}.",
        _ => null,
    };

    private static IEnumerable<int> Repeats(JsonElement array)
    {
        for (var i = 1; i < array.GetArrayLength(); i++)
            if (Enumerable.Range(0, i).Any(earlier => JsonElement.DeepEquals(array[earlier], array[i])))
                yield return i;
    }

    private static string TypeText(JsonElement type) =>
        type.ValueKind == JsonValueKind.Array ? string.Join(" or ", type.EnumerateArray().Select(t => t.GetString())) : type.GetString()!;

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => $"number {value.GetRawText()}",
        JsonValueKind.String => $"string {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"boolean {value.GetRawText()}",
        _ => value.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture),
    };

    private static JsonElement? Rule(JsonElement? subschema, string keyword) =>
        subschema is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty(keyword, out var rule) ? rule : null;
}
