using System.Text.Json;
using DsarEngine.Workflows.Definitions.Schema;

namespace DsarEngine.Workflows.Definitions;

internal static partial class DefinitionLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // One file: parse, schema, semantic checks, mapping. Problems go to errors; null when there were any.
    private static WorkflowDefinition? LoadFile(string path, SubsetSchema schema, List<DefinitionError> errors)
    {
        var file = Path.GetFileName(path);
        var (document, error) = Parse(path, file);
        if (document is null)
        {
            errors.Add(error!);
            return null;
        }
        using (document)
        {
            var schemaErrors = schema.Validate(document.RootElement);
            errors.AddRange(schemaErrors.Select(e => new DefinitionError(file, e.Path, e.Message)));
            if (schemaErrors.Count > 0)
                return null;
            // The schema has vouched for every member and type, so this cannot fail or drop anything.
            var shape = document.RootElement.Deserialize<DefinitionDocument>(Json)!;
            var semantic = DefinitionChecks.Check(shape).Select(e => new DefinitionError(file, e.Path, e.Message)).ToList();
            errors.AddRange(semantic);
            return semantic.Count == 0 ? shape.ToDefinition() : null;
        }
    }
}
