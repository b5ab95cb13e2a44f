using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Workflows.Definitions;

// The loaded definitions. New requests get the highest version for their right; running instances find the
// exact version they were pinned to, which is why older versions stay loadable side by side.
internal sealed class WorkflowCatalog(IReadOnlyList<WorkflowDefinition> all) : IWorkflowDefinitions
{
    public IReadOnlyList<WorkflowDefinition> All => all;

    public WorkflowDefinition ForRight(string right) =>
        all.Where(d => d.Rights.Contains(right)).MaxBy(d => d.Version)
        ?? throw new InvalidOperationException($"No workflow definition serves the right '{right}'.");

    public WorkflowDefinition? Find(string id, int version) => all.FirstOrDefault(d => d.Id == id && d.Version == version);

    public bool Serves(string right) => all.Any(d => d.Rights.Contains(right));
}
