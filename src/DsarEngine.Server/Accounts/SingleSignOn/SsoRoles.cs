namespace DsarEngine.Server.Accounts.SingleSignOn;

internal enum SsoRoleOutcome
{
    Mapped,
    NoMappedGroup,
    Ambiguous,
}

// Which role the IdP's groups give. Each group gives one role; a person whose mapped groups all give the same role gets
// it. Groups giving different roles are refused, not resolved: taking the most privileged would let a broad group
// widen access, taking the least would silently demote an officer, and either hides a mapping the admin must fix.
internal static class SsoRoles
{
    public static (SsoRoleOutcome Outcome, string? Role) Resolve(IEnumerable<string> groups, IReadOnlyDictionary<string, string> mapping)
    {
        var roles = groups.Where(mapping.ContainsKey).Select(g => mapping[g]).Distinct(StringComparer.Ordinal).ToList();
        return roles switch
        {
            [] => (SsoRoleOutcome.NoMappedGroup, null),
            [var role] => (SsoRoleOutcome.Mapped, role),
            _ => (SsoRoleOutcome.Ambiguous, null),
        };
    }
}
