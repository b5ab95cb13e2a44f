using System.Globalization;
using System.Text.Json;
using Json.Pointer;

namespace DsarEngine.Workflows.Definitions;

// Finds, in the schema file, the subschema a JsonSchema.Net result was evaluated against, so SchemaMessages can
// quote the rule it holds (the allowed values of an enum, a pattern, a bound).
internal static class SchemaPath
{
    // The subschema an evaluation path leads to, or null where it cannot be told (a $ref into another document).
    // JsonSchema.Net 8.0.5 names "items" twice in the paths it reports (".../items/items"), so a keyword the current
    // subschema lacks that repeats the one before is skipped. Its schema locations are no help: they append a
    // segment of the parent's location after every single-subschema keyword (".../items/steps", ".../if/0").
    public static JsonElement? Resolve(JsonElement root, JsonPointer path)
    {
        var schema = root;
        var previous = "";
        for (var i = 0; i < path.SegmentCount; i++)
        {
            var keyword = Token(path, i);
            if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty(keyword, out var value))
            {
                if (keyword == previous)
                    continue;
                return null;
            }
            previous = keyword;
            JsonElement? next;
            if (keyword == "$ref")
                next = value.GetString() is ['#', .. var fragment] && JsonPointer.TryParse(fragment, out var target)
                    ? target.Evaluate(root)
                    : null;
            else if (keyword is "properties" or "patternProperties" or "dependentSchemas" or "allOf" or "anyOf" or "oneOf" or "prefixItems")
                next = ++i < path.SegmentCount ? Member(value, Token(path, i)) : null;
            else
                next = value;
            if (next is not { } found)
                return null;
            schema = found;
        }
        return schema;
    }

    // A segment as it is spelt in the document: JsonPointer.Net gives it escaped (RFC 6901: ~0 for '~', ~1 for '/').
    public static string Token(JsonPointer pointer, int index) =>
        pointer[index].ToString().Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    private static JsonElement? Member(JsonElement container, string token) => container.ValueKind switch
    {
        JsonValueKind.Object when container.TryGetProperty(token, out var named) => named,
        JsonValueKind.Array when int.TryParse(token, CultureInfo.InvariantCulture, out var index)
            && index >= 0 && index < container.GetArrayLength() => container[index],
        _ => null,
    };
}
