using DsarEngine.Workflows.Tenants;

namespace DsarEngine.Server.Demo;

// The processor side of the demo: a helpdesk SaaS whose customers are the controllers of their end-users' data
// (GDPR Art. 28). One customer runs its requests on this engine (the demo organisation), the other does not.
internal sealed partial class DemoSeeder
{
    public static readonly Guid ProcessorId = Guid.Parse("0193a0c4-0000-7000-8000-00000000de31");
    public const string ProcessorSlug = "helpdesk";

    private async Task<DemoTenantKeys> SeedProcessorAsync(string baseUrl, IReadOnlyDictionary<string, string>? known, DateTimeOffset now, CancellationToken ct)
    {
        // The slug is the identity: a database seeded by an earlier version may hold the tenant under another id.
        var processorId = await tenants.UpsertAsync(new Tenant(ProcessorId, ProcessorSlug, "Helpdesk Cloud SAS", "FR", "Europe/Paris", "en", [baseUrl],
            Role: TenantRoles.Processor), now, ct);
        // demo.helpdesk.example: the demo organisation's own help desk; its requests land in the demo inbox.
        await workspaces.UpsertAsync(new Workspace(processorId, "demo", "Demo Organisation help centre", TenantId,
            null, null, null, now, null), now, ct);
        // The demo organisation accepts the requests its help desk forwards (otherwise they would stay with the processor).
        await workspaces.AcceptAsync(TenantId, processorId, "demo-seed", now, ct);
        // globex.helpdesk.example: a customer that answers requests elsewhere; subjects are referred to its contact.
        await workspaces.UpsertAsync(new Workspace(processorId, "globex", "Globex", null,
            "Globex Corporation privacy office", "privacy@globex.example", "https://globex.example/privacy", now, null), now, ct);
        return new DemoTenantKeys(ProcessorSlug, await EnsureKeysAsync(processorId, ProcessorSlug, known, now, ct));
    }
}
