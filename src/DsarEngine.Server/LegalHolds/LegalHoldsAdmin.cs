using System.Security.Claims;
using DsarEngine.Server.Connectors;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Settings;

namespace DsarEngine.Server.LegalHolds;

// What adding or ending a legal hold came to: the stored hold when it was done.
internal sealed record LegalHoldChange(SettingsResult Result, StoredLegalHold? Hold = null);

// POST /api/v1/staff/legal-holds[/{id}/end] and Settings → Legal holds change the register through here: an admin of the
// organisation, every field checked at once, nothing stored on a refusal.
internal sealed class LegalHoldsAdmin(LegalHoldStore holds, ConnectorStore connectors, TimeProvider clock)
{
    public async Task<LegalHoldChange> AddAsync(ClaimsPrincipal by, LegalHoldBody? body, CancellationToken ct)
    {
        if (!SettingsRoles.MayChange(by))
            return new(SettingsResult.Refused);
        if (body is null)
            return new(SettingsResult.Invalid("(root)", "The hold: category, legalBasis, until (optional) and systems (optional)."));
        var now = clock.GetUtcNow();
        // Only the organisation's own connectors can be named: another organisation's are unknown here.
        var names = (await connectors.ListAsync(by.Tenant(), ct)).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var (hold, errors) = body.ToHold(names, DateOnly.FromDateTime(now.UtcDateTime));
        if (hold is null)
            return new(SettingsResult.Invalid(errors));
        return new(SettingsResult.Done, await holds.AddAsync(by.Tenant(), hold, by.Actor(), now, ct));
    }

    // Ended, never deleted: erasures journaled while it was in force refer to it.
    public async Task<LegalHoldChange> EndAsync(ClaimsPrincipal by, Guid id, CancellationToken ct)
    {
        if (!SettingsRoles.MayChange(by))
            return new(SettingsResult.Refused);
        return await holds.EndAsync(by.Tenant(), id, by.Actor(), clock.GetUtcNow(), ct) is { } ended
            ? new(SettingsResult.Done, ended)
            : new(SettingsResult.NotFound("legal hold in force"));
    }
}
