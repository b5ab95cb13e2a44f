using DsarEngine.Workflows.Definitions;
using DsarEngine.Workflows.Runtime;
using DsarEngine.Workflows.Tests.Runtime;

namespace DsarEngine.Server.Tests.Stores;

// The definitions the store tests run: the test erasure workflow at version 1, and no other version (so a test can pin
// an instance to a version that is gone).
internal sealed class ErasureOnlyCatalog : IWorkflowDefinitions
{
    public WorkflowDefinition ForRight(string right) => TestDefinitions.Erasure;

    public WorkflowDefinition? Find(string id, int version) => id == "erasure" && version == 1 ? TestDefinitions.Erasure : null;
}
