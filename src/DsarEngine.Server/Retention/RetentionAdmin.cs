using System.Security.Claims;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Settings;

namespace DsarEngine.Server.Retention;

// PUT /api/v1/staff/settings/retention changes the periods through here: an admin of the organisation, every field valid.
internal sealed class RetentionAdmin(RetentionStore store, TimeProvider clock)
{
    public async Task<SettingsResult> SaveAsync(ClaimsPrincipal by, RetentionSettings? settings, CancellationToken ct)
    {
        if (!SettingsRoles.MayChange(by))
            return SettingsResult.Refused;
        if (RetentionChecks.Problems(settings) is { Count: > 0 } errors)
            return SettingsResult.Invalid(errors);
        if (await store.FindAsync(by.Tenant(), ct) is null)
            return SettingsResult.NotFound("organisation");
        await store.SaveAsync(by.Tenant(), settings!, clock.GetUtcNow(), ct);
        return SettingsResult.Done;
    }
}
