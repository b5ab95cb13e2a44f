using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Json.Schema;

namespace DsarEngine.Workflows.Definitions;

// workflows/definition.schema.json, built and applied by JsonSchema.Net 8 (draft 2020-12; `format` is asserted, not
// only annotated, so every rule the schema states is enforced). Refused when loaded, so the host stops naming the
// schema rather than a definition: a keyword draft 2020-12 does not define or a format the library does not know
// (a misspelt "maxItem" would be a rule nobody enforces), a keyword value of the wrong shape, a $ref that leads
// nowhere (the library would only fail once a definition reached it), and references that loop without descending
// into the document (the library would recurse until the stack overflows, which kills the host without a word).
internal sealed class DefinitionSchema
{
    private static readonly Uri Draft202012 = new("https://json-schema.org/draft/2020-12/schema");

    // Draft 2020-12 as the library implements it, except that an unknown keyword is an error, not an annotation.
    private static readonly Dialect Strict = Dialect.Draft202012.With([], Draft202012, allowUnknownKeywords: false);

    // Keywords that apply their subschemas to the very value their schema is applied to: a loop through them alone
    // never reaches the end of the document.
    private static readonly HashSet<string> SameValue = new(StringComparer.Ordinal)
    {
        "$ref", "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas",
    };

    // Keywords holding named or numbered subschemas; the others hold one, found at the keyword itself.
    private static readonly HashSet<string> Collections = new(StringComparer.Ordinal)
    {
        "$defs", "properties", "patternProperties", "dependentSchemas", "allOf", "anyOf", "oneOf", "prefixItems",
    };

    private static readonly EvaluationOptions Evaluation = new()
    {
        OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true, Culture = CultureInfo.InvariantCulture,
    };

    private readonly JsonSchema schema;
    private readonly JsonElement source;

    private DefinitionSchema(JsonSchema schema, JsonElement source)
    {
        this.schema = schema;
        this.source = source;
    }

    public static bool TryLoad(
        JsonElement document, [NotNullWhen(true)] out DefinitionSchema? loaded, out IReadOnlyList<(string Path, string Message)> problems)
    {
        loaded = null;
        if (document.ValueKind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))
        {
            problems = [("", "A JSON Schema is an object (or true or false).")];
            return false;
        }
        // The built schema keeps pointing into this JSON, which must outlive the caller's document.
        var source = document.Clone();
        JsonSchema schema;
        try
        {
            var dialects = new DialectRegistry();
            dialects.Register(Strict);
            // A schema registry of its own: another folder, or another engine in the process, loads the same $id.
            schema = JsonSchema.Build(
                source, new BuildOptions { Dialect = Strict, DialectRegistry = dialects, SchemaRegistry = new SchemaRegistry() });
        }
        // The library's messages name the keyword; a pattern that does not compile throws RegexParseException.
        catch (Exception ex) when (ex is JsonSchemaException or ArgumentException)
        {
            problems = [("", $"Not a valid JSON Schema: {ex.Message}")];
            return false;
        }
        var at = new Dictionary<JsonSchemaNode, string>(ReferenceEqualityComparer.Instance);
        var found = new List<(string Path, string Message)>();
        Walk(schema.Root, "", at, found);
        if (found.Count == 0 && Loop(schema.Root, at, [], new HashSet<JsonSchemaNode>(ReferenceEqualityComparer.Instance)) is { } loop)
            found.Add((loop[0], $"References loop without descending into the document ({string.Join(" → ", loop)})."));
        problems = found;
        loaded = found.Count == 0 ? new DefinitionSchema(schema, source) : null;
        return loaded is not null;
    }

    // Every error in the document, each with the JSON Pointer of the value at fault; empty when it is valid.
    public IReadOnlyList<(string Path, string Message)> Validate(JsonElement document)
    {
        var results = schema.Evaluate(document, Evaluation);
        return results.IsValid ? [] : SchemaMessages.Of(results, source, document);
    }

    // Records where each subschema sits in the file (a $ref is not followed: its target sits elsewhere).
    private static void Walk(
        JsonSchemaNode node, string path, Dictionary<JsonSchemaNode, string> at, List<(string Path, string Message)> problems)
    {
        if (!at.TryAdd(node, path))
            return;
        foreach (var keyword in node.Keywords)
        {
            var here = $"{path}/{keyword.Handler.Name}";
            if (keyword.Handler.Name == "$ref")
            {
                if (keyword.Subschemas.Length == 0)
                    problems.Add((here, $"'{keyword.RawValue.GetString()}' does not resolve to a schema."));
                continue;
            }
            // The library passes any value under a format it does not know, even when formats are asserted.
            if (keyword.Handler.Name == "format" && keyword.RawValue.ValueKind == JsonValueKind.String
                && FormatRegistry.Global.Get(keyword.RawValue.GetString()!).GetType().Name == "UnknownFormat")
                problems.Add((here,
                    $"'{keyword.RawValue.GetString()}' is not a format JsonSchema.Net knows, so it could not be enforced."));
            foreach (var subschema in keyword.Subschemas)
                Walk(subschema, Collections.Contains(keyword.Handler.Name) ? here + subschema.RelativePath : here, at, problems);
        }
    }

    private static List<string>? Loop(
        JsonSchemaNode node, Dictionary<JsonSchemaNode, string> at, List<JsonSchemaNode> trail, HashSet<JsonSchemaNode> cleared)
    {
        var seen = trail.FindIndex(n => ReferenceEquals(n, node));
        if (seen >= 0)
            return [.. trail.Skip(seen).Select(n => at[n]), at[node]];
        // Cleared before, or another document (a meta-schema), whose loops are not this file's to answer for.
        if (cleared.Contains(node) || !at.ContainsKey(node))
            return null;
        trail.Add(node);
        foreach (var keyword in node.Keywords.Where(k => SameValue.Contains(k.Handler.Name)))
            foreach (var subschema in keyword.Subschemas)
                if (Loop(subschema, at, trail, cleared) is { } loop)
                    return loop;
        trail.RemoveAt(trail.Count - 1);
        cleared.Add(node);
        return null;
    }
}
