using System.Security.Claims;
using DsarEngine.Server.Platform;
using DsarEngine.Workflows.Security;

namespace DsarEngine.Server.Settings;

internal enum SettingsChange
{
    Done,
    Invalid,
    Refused,
    NotFound,
}

// What an admin's change of a setting came to. Errors name the field and say how to fix it; a refused or invalid change
// changed nothing. The screens and the staff API read the same result, so they cannot disagree.
internal sealed record SettingsResult(SettingsChange Outcome, IReadOnlyDictionary<string, string[]> Errors)
{
    public static readonly SettingsResult Done = new(SettingsChange.Done, new Dictionary<string, string[]>());

    public static readonly SettingsResult Refused = new(SettingsChange.Refused,
        new Dictionary<string, string[]> { ["role"] = ["Only an admin can change the organisation's settings."] });

    public static SettingsResult NotFound(string what) =>
        new(SettingsChange.NotFound, new Dictionary<string, string[]> { [""] = [$"No such {what} in your organisation."] });

    public static SettingsResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(SettingsChange.Invalid, errors);

    public static SettingsResult Invalid(string field, string error) =>
        new(SettingsChange.Invalid, new Dictionary<string, string[]> { [field] = [error] });

    // One sentence per field for a screen: "rights: Choose at least one right."
    public string Message => string.Join(" ", Errors.Select(e => e.Key.Length == 0 ? string.Join(" ", e.Value)
        : $"{e.Key}: {string.Join(" ", e.Value)}"));
}

internal static class SettingsRoles
{
    // Asked by every settings service whoever calls it (screen or API): an admin of an organisation.
    public static bool MayChange(ClaimsPrincipal by) =>
        by.Identity?.IsAuthenticated == true && by.FindFirst(StaffClaims.TenantId) is not null && by.IsInRole(StaffRoles.Admin);
}
