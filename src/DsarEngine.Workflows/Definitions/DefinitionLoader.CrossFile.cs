namespace DsarEngine.Workflows.Definitions;

internal static partial class DefinitionLoader
{
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
                $"'{right.Key}' is served by more than one workflow ({string.Join(", ", right.Select(x => x.Loaded.Definition.Key))}); a new request must have one.");
    }

    private static string Files(IEnumerable<LoadedDefinition> loaded) => string.Join(", ", loaded.Select(l => l.File));
}
