namespace DsarEngine.Workflows.Requests;

// One way the controller can find the subject in its systems (connectors receive all of them).
internal sealed record SubjectIdentity(string Type, string Value);

internal static class IdentityTypes
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "email", "phone", "customer-id", "account-id", "username", "order-id", "loyalty-card", "device-id",
        "postal-address", "other",
    };
}
