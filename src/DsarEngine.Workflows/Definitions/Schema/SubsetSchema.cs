using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DsarEngine.Workflows.Definitions.Schema;

// Validates JSON against the subset of JSON Schema draft 2020-12 that workflows/definition.schema.json uses
// (SchemaKeywords lists it). Hand-written because no JSON Schema library is obtainable here: NJsonSchema's
// dependencies and JsonSchema.Net's MIT versions are missing from the package source, and JsonSchema.Net 9.x is
// under a maintenance-fee EULA. A schema using anything outside the subset is refused by TryLoad, so a rule can
// never be skipped silently; a schema that loads can be validated against without exceptions.
internal sealed partial class SubsetSchema
{
    private readonly JsonElement root;
    private readonly Dictionary<string, Regex> patterns;

    private SubsetSchema(JsonElement root, Dictionary<string, Regex> patterns)
    {
        this.root = root;
        this.patterns = patterns;
    }

    public static bool TryLoad(JsonElement schema, [NotNullWhen(true)] out SubsetSchema? loaded, out IReadOnlyList<SchemaError> problems)
    {
        var found = new List<SchemaError>();
        var patterns = new Dictionary<string, Regex>(StringComparer.Ordinal);
        Check(schema, schema, "", found, patterns);
        if (found.Count == 0)
            found.AddRange(RefCycles(schema));
        problems = found;
        loaded = found.Count == 0 ? new SubsetSchema(schema.Clone(), patterns) : null;
        return loaded is not null;
    }

    // Every error found, in document order; a rule reached twice (e.g. "required" on a dispatcher and on the shape
    // it dispatches to) is reported once.
    public IReadOnlyList<SchemaError> Validate(JsonElement document)
    {
        var errors = new List<SchemaError>();
        Validate(root, document, "", errors);
        return errors.Distinct().ToList();
    }
}
