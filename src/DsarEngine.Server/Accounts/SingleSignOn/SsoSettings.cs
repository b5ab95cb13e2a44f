namespace DsarEngine.Server.Accounts.SingleSignOn;

// An organisation's single sign-on, as stored (the secret opened). Version moves on every save: an engine that built
// its sign-in handler from an older version rebuilds it (SsoSchemes).
internal sealed record SsoSettings(
    Guid TenantId,
    string TenantSlug,
    bool Enabled,
    Uri Authority,
    string ClientId,
    string? ClientSecret,
    IReadOnlyList<string> Scopes,
    string GroupsClaim,
    bool JustInTime,
    IReadOnlyDictionary<string, string> GroupRoles,
    int Version)
{
    // Where the IdP sends the person back: one path per organisation, registered at the IdP as the redirect URI.
    public string CallbackPath => SsoPaths.Callback(TenantSlug);
}

internal static class SsoPaths
{
    public const string Start = "/inbox/sso/start";
    public const string SignedIn = "/inbox/sso/signed-in";
    public const string Refused = "/inbox/sso/refused";

    public static string Callback(string slug) => $"/inbox/sso/{slug}/callback";
}
