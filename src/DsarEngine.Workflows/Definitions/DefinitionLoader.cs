using System.Text.Json;

namespace DsarEngine.Workflows.Definitions;

// Loads every definition in a folder: each *.json except the schema is checked against definition.schema.json
// (from the same folder), then against the rules the schema cannot express, then against the other files.
// Any problem throws one DefinitionException naming all of them, which stops the host at start-up.
internal static class DefinitionLoader
{
    public const string SchemaFile = "definition.schema.json";

    // The host copies workflows/*.json next to its assembly.
    public static string ShippedDirectory => Path.Combine(AppContext.BaseDirectory, "workflows");

    // Duplicate members would make a file mean what its last (or first) spelling says: refused as malformed.
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    public static DefinitionCatalog LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
            throw Fail(directory, "The workflows folder does not exist.");
        var schema = LoadSchema(directory);
        var errors = new List<DefinitionError>();
        var loaded = new List<LoadedDefinition>();
        var files = Directory.EnumerateFiles(directory, "*.json")
            .Where(path => Path.GetFileName(path) != SchemaFile).Order(StringComparer.Ordinal).ToList();
        foreach (var path in files)
            if (LoadFile(path, schema, errors) is { } definition)
                loaded.Add(new LoadedDefinition(Path.GetFileName(path), definition));
        errors.AddRange(CrossFileChecks(loaded));
        if (errors.Count > 0)
            throw new DefinitionException(errors);
        if (files.Count == 0)
            throw Fail(directory, $"No workflow definitions (*.json besides {SchemaFile}).");
        return new DefinitionCatalog(loaded.Select(l => l.Definition));
    }

    private static DefinitionSchema LoadSchema(string directory)
    {
        var path = Path.Combine(directory, SchemaFile);
        if (!File.Exists(path))
            throw Fail(SchemaFile, $"Missing from {directory}.");
        var (document, error) = Parse(path, SchemaFile);
        if (document is null)
            throw new DefinitionException([error!]);
        using (document)
        {
            if (DefinitionSchema.TryLoad(document.RootElement, out var schema, out var problems))
                return schema;
            throw new DefinitionException([.. problems.Select(p => new DefinitionError(SchemaFile, p.Path, p.Message))]);
        }
    }

    // One file: parse, schema, semantic checks, mapping. Problems go to errors; null when there were any.
    private static WorkflowDefinition? LoadFile(string path, DefinitionSchema schema, List<DefinitionError> errors)
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
            var shape = document.RootElement.Deserialize<DefinitionDocument>(DefinitionDocument.Json)!;
            var semantic = DefinitionChecks.Check(shape).Select(e => new DefinitionError(file, e.Path, e.Message)).ToList();
            errors.AddRange(semantic);
            return semantic.Count == 0 ? shape.ToDefinition() : null;
        }
    }

    // Versions side by side are fine (erasure.v1.json and erasure.json); the same id@version twice is not, or
    // which steps a pinned instance follows would depend on file order. Likewise each right must lead to one
    // current workflow (the newest version of its id); older versions only serve instances pinned to them.
    private static IEnumerable<DefinitionError> CrossFileChecks(List<LoadedDefinition> loaded)
    {
        foreach (var twice in loaded.GroupBy(l => l.Definition.Key).Where(g => g.Count() > 1))
            yield return new DefinitionError(Files(twice), "/version", $"{twice.Key} is defined in more than one file.");
        var current = DefinitionCatalog.Current(loaded.Select(l => l.Definition)).ToHashSet();
        var servedBy = loaded.Where(l => current.Contains(l.Definition))
            .SelectMany(l => l.Definition.Rights.Select(right => (Right: right, Loaded: l)))
            .GroupBy(x => x.Right, StringComparer.Ordinal);
        foreach (var right in servedBy.Where(g => g.Select(x => x.Loaded.Definition.Id).Distinct().Count() > 1))
            yield return new DefinitionError(Files(right.Select(x => x.Loaded)), "/rights",
                $"'{right.Key}' is served by more than one workflow " +
                $"({string.Join(", ", right.Select(x => x.Loaded.Definition.Key))}); a new request must have one.");
    }

    private static string Files(IEnumerable<LoadedDefinition> loaded) => string.Join(", ", loaded.Select(l => l.File));

    private static (JsonDocument? Document, DefinitionError? Error) Parse(string path, string file)
    {
        try
        {
            return (JsonDocument.Parse(File.ReadAllText(path), Strict), null);
        }
        catch (JsonException ex)
        {
            // The parser's message repeats the position in its own words after " LineNumber:"; ours is 1-based.
            // A duplicate member is found after parsing, without a position.
            var cause = ex.Message.Split(" LineNumber:")[0];
            var at = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : "";
            return (null, new DefinitionError(file, "", $"Not valid JSON{at}: {cause}"));
        }
    }

    private static DefinitionException Fail(string file, string message) => new([new DefinitionError(file, "", message)]);

    private sealed record LoadedDefinition(string File, WorkflowDefinition Definition);
}
