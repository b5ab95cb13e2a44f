using System.Security.Claims;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Tenants;
using DsarEngine.Workflows.Deadlines;

namespace DsarEngine.Server.Settings;

// Settings → Applicable law: the regimes the organisation is subject to and the scope rules that pick the ones applying to
// a subject (issue 15, E1). Read by intake when a request arrives (RequestFraming); a stored request keeps the law it was
// received under. An organisation that never set it is subject to the regime of its own jurisdiction (TenantLaw.DefaultFor).
internal sealed class LawSettingsAdmin(TenantStore tenants)
{
    // The settings in force, with their default filled in; null when the organisation does not exist.
    public async Task<TenantLawBody?> FindAsync(Guid tenantId, CancellationToken ct) =>
        await tenants.FindAsync(tenantId, ct) is { } tenant ? TenantLaw.Parse(tenant.ApplicableLaw, tenant.Jurisdiction).ToBody() : null;

    public async Task<SettingsResult> SaveAsync(ClaimsPrincipal by, TenantLawBody? body, CancellationToken ct)
    {
        if (!SettingsRoles.MayChange(by))
            return SettingsResult.Refused;
        var errors = new FieldErrors();
        var law = TenantLaw.Validate(body, errors);
        if (law is null)
            return SettingsResult.Invalid(errors.ToDictionary());
        return await tenants.SetApplicableLawAsync(by.Tenant(), law.ToJson(), ct)
            ? SettingsResult.Done
            : SettingsResult.NotFound("organisation");
    }
}
