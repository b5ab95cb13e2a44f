using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Workflows.Definitions;

// The loaded definitions. New requests get the newest version of the workflow serving their right; running
// instances find the exact version they were pinned to, which is why older versions stay loaded beside it.
// Only the newest version of each id takes new requests, so its rights alone decide what that id serves.
internal sealed class DefinitionCatalog : IWorkflowDefinitions
{
    private readonly Dictionary<(string Id, int Version), WorkflowDefinition> byKey;
    private readonly Dictionary<string, WorkflowDefinition> byRight;

    // DefinitionLoader has checked that (id, version) is unique and each right has one current workflow;
    // anything else passed here is a bug and throws.
    public DefinitionCatalog(IEnumerable<WorkflowDefinition> definitions)
    {
        All = [.. definitions.OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Version)];
        byKey = All.ToDictionary(d => (d.Id, d.Version));
        byRight = Current(All)
            .SelectMany(d => d.Rights.Select(right => (right, d)))
            .ToDictionary(x => x.right, x => x.d, StringComparer.Ordinal);
    }

    public IReadOnlyList<WorkflowDefinition> All { get; }

    public bool Serves(string right) => byRight.ContainsKey(right);

    public WorkflowDefinition ForRight(string right) =>
        byRight.TryGetValue(right, out var definition) ? definition
            : throw new InvalidOperationException($"No workflow definition serves the right '{right}'; ask Serves first.");

    public WorkflowDefinition? Find(string id, int version) => byKey.GetValueOrDefault((id, version));

    public static IEnumerable<WorkflowDefinition> Current(IEnumerable<WorkflowDefinition> definitions) =>
        definitions.GroupBy(d => d.Id, StringComparer.Ordinal).Select(g => g.MaxBy(d => d.Version)!);
}
