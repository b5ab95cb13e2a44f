using System.Collections.Concurrent;
using DsarEngine.Workflows.Tenants;
using Npgsql;

namespace DsarEngine.Server.Tenants;

// Intake's copy of each organisation's settings, so a submission costs one round trip to PostgreSQL instead of two. A copy
// is never trusted: the transaction that stores the request checks its version first (Guard, migration 0059), and a
// changed organisation is read again and the request framed anew. Unknown slugs are not remembered.
internal sealed class TenantCache(TenantStore tenants)
{
    private readonly ConcurrentDictionary<string, Tenant> bySlug = new(StringComparer.Ordinal);

    public async Task<Tenant?> FindBySlugAsync(string slug, CancellationToken ct)
    {
        if (bySlug.TryGetValue(slug, out var known))
            return known;
        var tenant = await tenants.FindBySlugAsync(slug, ct);
        if (tenant is not null)
            bySlug[slug] = tenant;
        return tenant;
    }

    // Reads the organisation again; true when the copy this node held was out of date (or the organisation is gone).
    public async Task<bool> RefreshAsync(string slug, CancellationToken ct)
    {
        if (!bySlug.TryGetValue(slug, out var known))
            return false;
        var current = await tenants.FindBySlugAsync(slug, ct);
        if (current is null)
            return bySlug.TryRemove(slug, out _);
        bySlug[slug] = current;
        return current.SettingsVersion != known.SettingsVersion;
    }

    public void Forget(Tenant tenant) => bySlug.TryRemove(new KeyValuePair<string, Tenant>(tenant.Slug, tenant));

    // The first statement of the intake batch: aborts it (SQLSTATE DS409) when the row has changed since this copy was read.
    public static Platform.SqlStatement Guard(Tenant tenant) =>
        new("SELECT dsar_tenant_unchanged(@Id, @SettingsVersion)", new { tenant.Id, tenant.SettingsVersion });

    private const string ChangedState = "DS409";

    public static bool Changed(PostgresException e) => e.SqlState == ChangedState;
}
