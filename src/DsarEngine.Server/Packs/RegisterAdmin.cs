using System.Security.Claims;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Settings;
using DsarEngine.Workflows.Packs;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Server.Packs;

// PUT /api/v1/staff/register[/{language}] and Settings → Register change the register through here: same checks
// (RegisterChecks: every fact a letter must state, GDPR Art. 13–15), same store.
internal sealed class RegisterAdmin(RegisterStore registers, TimeProvider clock)
{
    // "" is the organisation's own register; a language code is its translation for letters in that language.
    public async Task<SettingsResult> SaveAsync(ClaimsPrincipal by, string language, ProcessingRegister? register, CancellationToken ct)
    {
        if (!SettingsRoles.MayChange(by))
            return SettingsResult.Refused;
        if (language.Length > 0 && !Languages.Written.Contains(language))
            return SettingsResult.Invalid("language",
                $"Letters are written in {string.Join(", ", Languages.Written)}; '{language}' is not one of them.");
        if (RegisterChecks.Problems(register) is { Count: > 0 } errors)
            return SettingsResult.Invalid(errors);
        await registers.SaveAsync(by.Tenant(), register!, clock.GetUtcNow(), ct, language);
        return SettingsResult.Done;
    }
}
