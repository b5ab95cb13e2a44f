using System.Text.Json;

namespace DsarEngine.Workflows.Definitions.Schema;

// A $ref that comes back to itself without descending into the document ("a": {"allOf": [{"$ref": "#/$defs/a"}]})
// would recurse for ever while validating; such a schema is refused when loaded. Going through "properties",
// "items" or "additionalProperties" is fine: each lap consumes a level of the (finite) document.
internal sealed partial class SubsetSchema
{
    private static IEnumerable<SchemaError> RefCycles(JsonElement root)
    {
        if (!root.TryGetProperty("$defs", out var defs))
            yield break;
        var finished = new HashSet<string>(StringComparer.Ordinal);
        foreach (var def in defs.EnumerateObject())
            if (FindCycle(root, def.Name, [], finished) is { } cycle)
            {
                yield return new SchemaError(JsonPointer.Append("/$defs", def.Name), $"References loop without descending into the document ({string.Join(" → ", cycle)}).");
                yield break;
            }
    }

    private static List<string>? FindCycle(JsonElement root, string name, List<string> trail, HashSet<string> finished)
    {
        if (trail.Contains(name))
            return [.. trail.SkipWhile(n => n != name), name];
        if (finished.Contains(name))
            return null;
        trail.Add(name);
        foreach (var next in SameLevelRefs(Definition(root, name)!.Value))
            if (FindCycle(root, next, trail, finished) is { } cycle)
                return cycle;
        trail.RemoveAt(trail.Count - 1);
        finished.Add(name);
        return null;
    }

    // The definitions a schema applies to the same instance it is applied to.
    private static IEnumerable<string> SameLevelRefs(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
            yield break;
        foreach (var keyword in schema.EnumerateObject())
        {
            if (keyword.Name == "$ref")
                yield return JsonPointer.Unescape(keyword.Value.GetString()![DefsPrefix.Length..]);
            var nested = keyword.Name switch
            {
                "allOf" or "anyOf" or "oneOf" => keyword.Value.EnumerateArray().ToList(),
                "not" or "if" or "then" or "else" => [keyword.Value],
                _ => [],
            };
            foreach (var name in nested.SelectMany(SameLevelRefs))
                yield return name;
        }
    }
}
