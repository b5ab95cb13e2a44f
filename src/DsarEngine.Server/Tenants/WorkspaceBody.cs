using System.Net.Mail;
using System.Text.RegularExpressions;
using DsarEngine.Workflows.Tenants;

namespace DsarEngine.Server.Tenants;

internal sealed record RoleBody(string? Role);

internal sealed record WorkspaceBody(string? DisplayName, string? Customer, string? ContactName, string? ContactEmail, string? ContactUrl);

internal sealed record WorkspaceView(
    string Key, string DisplayName, string? Customer, string? ContactName, string? ContactEmail, string? ContactUrl, string RoutesTo)
{
    public static WorkspaceView From(Workspace w, string? customerSlug) => new(w.Key, w.DisplayName, customerSlug, w.ContactName,
        w.ContactEmail, w.ContactUrl, customerSlug is null ? "referral to the customer's contact" : $"the inbox of {customerSlug}");
}

internal static partial class WorkspaceChecks
{
    // Every field at once; the customer is either a tenant here or an outside contact, never both, never neither.
    public static Dictionary<string, string[]> Check(this WorkspaceBody body, string key, Tenant? customer, Guid processorId)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Key().IsMatch(key))
            errors["key"] = ["1 to 63 lowercase letters, digits and dashes."];
        if (string.IsNullOrWhiteSpace(body.DisplayName) || body.DisplayName.Length > 120)
            errors["displayName"] = ["Required, at most 120 characters: the customer's name as subjects know it."];
        var hasContact = body.ContactEmail is not null || body.ContactUrl is not null;
        if (body.Customer is not null && customer is null)
            errors["customer"] = [$"No organisation '{body.Customer}' on this engine."];
        else if (customer?.Id == processorId)
            errors["customer"] = ["A workspace's customer is another organisation."];
        if (body.Customer is null == !hasContact)
            errors["customer"] = ["Give either customer (its slug on this engine) or contactEmail / contactUrl, not both."];
        if (body.ContactEmail is { } email && !MailAddress.TryCreate(email, out _))
            errors["contactEmail"] = ["An e-mail address."];
        if (body.ContactUrl is { } url && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
            errors["contactUrl"] = ["An absolute http(s) URL."];
        if (body.ContactName is { Length: > 120 })
            errors["contactName"] = ["At most 120 characters."];
        return errors;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex Key();
}
