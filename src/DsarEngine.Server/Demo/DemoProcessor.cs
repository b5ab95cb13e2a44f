using DsarEngine.Workflows.Persistence;
using DsarEngine.Workflows.Tenants;

namespace DsarEngine.Server.Demo;

// A helpdesk SaaS as a processor: one customer's workspace routes to the demo organisation's inbox, another
// customer is not on this engine and its subjects are referred to its privacy office.
internal sealed class DemoProcessor(TenantStore tenants, WorkspaceStore workspaces)
{
    public static readonly Guid TenantId = Guid.Parse("0193a0c4-0000-7000-8000-0000000de5c0");

    public async Task SeedAsync(Tenant customer, DateTimeOffset now, CancellationToken ct)
    {
        await tenants.UpsertAsync(new Tenant(TenantId, "helpdesk", "Helpdesk Cloud SAS", "FR", "Europe/Paris", "en", customer.AllowedOrigins,
            Role: TenantRoles.Processor), now, ct);
        await workspaces.UpsertAsync(new Workspace(TenantId, "demo", customer.Name, customer.Id, null, null, null, now, null), now, ct);
        await workspaces.UpsertAsync(new Workspace(TenantId, "globex", "Globex", null, "Globex Corp. privacy office", "privacy@globex.example",
            "https://globex.example/privacy", now, null), now, ct);
    }
}
