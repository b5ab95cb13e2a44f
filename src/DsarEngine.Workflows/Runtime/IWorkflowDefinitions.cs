using DsarEngine.Workflows.Definitions;

namespace DsarEngine.Workflows.Runtime;

// What the runtime needs of the loaded definitions: the current one for a right (new requests) and the
// exact pinned version (running instances).
internal interface IWorkflowDefinitions
{
    WorkflowDefinition ForRight(string right);

    WorkflowDefinition? Find(string id, int version);
}
