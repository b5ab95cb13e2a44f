using System.Text.RegularExpressions;
using DsarEngine.Server.Connectors.Egress;
using DsarEngine.Workflows.Security;

namespace DsarEngine.Server.Accounts.SingleSignOn;

// What an admin submits on the settings screen. A blank secret keeps the stored one (the screen never shows it back).
internal sealed partial class SsoInput
{
    public bool Enabled { get; set; }

    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string? ClientSecret { get; set; }

    public string Scopes { get; set; } = "openid profile email";

    public string GroupsClaim { get; set; } = "groups";

    public bool JustInTime { get; set; }

    public List<SsoGroupInput> Groups { get; set; } = [];

    // Field name -> messages; empty when the input may be stored. The authority follows the engine's egress rule (https
    // only, no internal address) like every URL the engine is given: plain http or loopback only where the operator
    // allowed it (Dsar:Egress:AllowHttp, Dsar:Egress:AllowedNetworks), as the tests and the demo do.
    public Dictionary<string, string[]> Validate(EgressPolicy egress)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Uri.TryCreate(Authority.Trim(), UriKind.Absolute, out var authority))
            errors[nameof(Authority)] = ["Give the IdP's issuer URL, e.g. https://login.example.org/realms/privacy."];
        else if (egress.Refusal(authority) is { } refusal)
            errors[nameof(Authority)] = [refusal];
        else if (authority.Query.Length > 0 || authority.Fragment.Length > 0)
            errors[nameof(Authority)] = ["The issuer URL has no query or fragment."];
        if (ClientId.Trim() is not { Length: > 0 and <= 200 })
            errors[nameof(ClientId)] = ["Give the client id the IdP gave the engine (at most 200 characters)."];
        if (ClientSecret is { Length: > 500 })
            errors[nameof(ClientSecret)] = ["The client secret is at most 500 characters."];
        var scopes = ScopeList();
        if (!scopes.Contains("openid") || scopes.Count > 20 || !scopes.All(s => ScopeToken().IsMatch(s)))
            errors[nameof(Scopes)] = ["Give up to 20 scopes separated by spaces, including openid."];
        if (!ClaimName().IsMatch(GroupsClaim.Trim()))
            errors[nameof(GroupsClaim)] = ["Give the name of the token claim that lists the groups, e.g. groups."];
        var names = Groups.Select(g => g.Group.Trim()).ToList();
        if (names.Any(n => n.Length is 0 or > 200))
            errors[nameof(Groups)] = ["Each group needs a name of at most 200 characters."];
        else if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
            errors[nameof(Groups)] = ["A group appears twice: each group gives exactly one role."];
        else if (Groups.Any(g => !StaffRoles.All.Contains(g.Role)))
            errors[nameof(Groups)] = ["Each group gives one of the roles admin, privacy-officer, agent or auditor."];
        else if (Enabled && Groups.Count == 0)
            errors[nameof(Groups)] = ["Map at least one group to a role before turning single sign-on on."];
        return errors;
    }

    public List<string> ScopeList() =>
        [.. Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()];

    // RFC 6749 § 3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
    [GeneratedRegex(@"^[\x21\x23-\x5B\x5D-\x7E]+$")]
    private static partial Regex ScopeToken();

    [GeneratedRegex(@"^[A-Za-z0-9_:/.\-]{1,100}$")]
    private static partial Regex ClaimName();
}

internal sealed class SsoGroupInput
{
    public string Group { get; set; } = "";

    public string Role { get; set; } = StaffRoles.Auditor;
}
