using System.Security.Claims;
using DsarEngine.Server.Platform;

namespace DsarEngine.Server.Settings;

// Settings → Request form and PUT /api/v1/staff/settings/form both change the form through here.
internal sealed class FormSettingsAdmin(FormSettingsStore store, OriginAllowList origins, TimeProvider clock)
{
    public async Task<SettingsResult> SaveAsync(ClaimsPrincipal by, FormSettings? form, CancellationToken ct)
    {
        if (!SettingsRoles.MayChange(by))
            return SettingsResult.Refused;
        if (await store.FindWithDefaultLanguageAsync(by.Tenant(), ct) is not { } current)
            return SettingsResult.NotFound("organisation");
        if (FormSettingsChecks.Problems(form, current.DefaultLanguage) is { Count: > 0 } errors)
            return SettingsResult.Invalid(errors);
        // A JSON body may leave the optional lists out: stored as empty, never as null.
        await store.SaveAsync(by.Tenant(), form! with { Identities = form.Identities ?? [], AllowedOrigins = form.AllowedOrigins ?? [] },
            clock.GetUtcNow(), ct);
        // CORS reads a cached allow-list (refreshed every 30 s); a new origin works from the next request on.
        await origins.RefreshAsync(ct);
        return SettingsResult.Done;
    }
}
