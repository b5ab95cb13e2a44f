namespace DsarEngine.Workflows.Security;

// Roles of the people and systems that work in a tenant's inbox (ARCHITECTURE §8).
internal static class StaffRoles
{
    public const string Admin = "admin";
    public const string PrivacyOfficer = "privacy-officer";
    public const string Agent = "agent";
    public const string Auditor = "auditor"; // read-only

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Admin, PrivacyOfficer, Agent, Auditor,
    };

    public static readonly string[] Writers = [Admin, PrivacyOfficer, Agent];
}
