using System.Text.Json;
using DsarEngine.Workflows.Definitions.Schema;

namespace DsarEngine.Workflows.Definitions;

// Loads every definition in a folder, checks each against definition.schema.json (shipped in the same folder)
// and against the rules the schema cannot express, and throws one DefinitionException naming every problem.
internal static class DefinitionFiles
{
    public const string SchemaFile = "definition.schema.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static WorkflowCatalog Load(string folder)
    {
        if (!Directory.Exists(folder))
            throw new DefinitionException([new DefinitionError(folder, "/", "The workflows folder does not exist.")]);
        var schemaPath = Path.Combine(folder, SchemaFile);
        if (!File.Exists(schemaPath))
            throw new DefinitionException([new DefinitionError(SchemaFile, "/", $"Missing from {folder}.")]);
        using var schemaDocument = JsonDocument.Parse(File.ReadAllText(schemaPath));
        var schema = SubsetSchema.Load(schemaDocument.RootElement);

        var errors = new List<DefinitionError>();
        var loaded = new List<(string File, WorkflowDefinition Definition)>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.json").Where(p => Path.GetFileName(p) != SchemaFile).Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            if (LoadOne(path, file, schema, errors) is { } definition)
                loaded.Add((file, definition));
        }
        errors.AddRange(CrossFile(loaded));
        if (errors.Count > 0)
            throw new DefinitionException(errors);
        if (loaded.Count == 0)
            throw new DefinitionException([new DefinitionError(folder, "/", "No workflow definitions found.")]);
        return new WorkflowCatalog(loaded.Select(l => l.Definition).ToList());
    }

    private static WorkflowDefinition? LoadOne(string path, string file, SubsetSchema schema, List<DefinitionError> errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            errors.Add(new DefinitionError(file, "/", $"Not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}): {ex.Message.Split('.')[0]}."));
            return null;
        }
        using (document)
        {
            var schemaErrors = schema.Validate(document.RootElement);
            errors.AddRange(schemaErrors.Select(e => new DefinitionError(file, e.Path, e.Message)));
            if (schemaErrors.Count > 0)
                return null;
            var d = document.RootElement.Deserialize<DefinitionDocument>(Json)!;
            var semantic = DefinitionChecks.Check(d).Select(e => new DefinitionError(file, e.Path, e.Message)).ToList();
            errors.AddRange(semantic);
            return semantic.Count > 0 ? null : new WorkflowDefinition(d.Id, d.Version, d.Rights,
                new ClockPolicy(d.Clock.RemindDaysBefore, d.Clock.EscalateDaysAfter), d.Steps.Select(s => s.ToStep()).ToList());
        }
    }

    // Versions side by side are fine (erasure.v1.json and erasure.json); the same id@version twice is not, and a
    // right must lead to one workflow id, or which one a new request gets would depend on file order.
    private static IEnumerable<DefinitionError> CrossFile(List<(string File, WorkflowDefinition Definition)> loaded)
    {
        foreach (var group in loaded.GroupBy(l => l.Definition.Key).Where(g => g.Count() > 1))
            yield return new DefinitionError(string.Join(", ", group.Select(g => g.File)), "/version", $"{group.Key} is defined more than once.");
        foreach (var right in loaded.SelectMany(l => l.Definition.Rights.Select(r => (Right: r, l.File, l.Definition.Id))).GroupBy(x => x.Right))
            if (right.Select(x => x.Id).Distinct().Count() > 1)
                yield return new DefinitionError(string.Join(", ", right.Select(x => x.File)), "/rights", $"'{right.Key}' is served by more than one workflow id ({string.Join(", ", right.Select(x => x.Id).Distinct())}).");
    }
}
