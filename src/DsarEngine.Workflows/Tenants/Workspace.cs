namespace DsarEngine.Workflows.Tenants;

// A customer's workspace at a processor (e.g. acme.helpdesk.example). The customer is the controller of what its
// workspace holds: either a tenant of this engine (requests are routed to its inbox) or an outside organisation
// (the subject is told whom to write to). Positional: keep the column order of WorkspaceStore.Columns.
internal sealed record Workspace(Guid ProcessorTenantId, string Key, string DisplayName, Guid? CustomerTenantId,
    string? ContactName, string? ContactEmail, string? ContactUrl, DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt)
{
    private Workspace() : this(default, "", "", null, null, null, null, default, null) { }
}
