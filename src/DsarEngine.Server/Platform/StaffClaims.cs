using System.Security.Claims;

namespace DsarEngine.Server.Platform;

internal static class StaffClaims
{
    public const string TenantId = "dsar:tenant-id";
    public const string TenantSlug = "dsar:tenant";
    public const string DisplayName = "dsar:display-name";

    // The id of the API key a call was made with (none for the inbox's cookie): a key may not revoke itself.
    public const string ApiKeyId = "dsar:api-key-id";

    // "true" while the organisation requires a second factor the person has not set up (Accounts/StaffPrincipalFactory).
    public const string SecondFactorMissing = "dsar:second-factor-missing";

    // The authentication method ("amr") of a session opened by the organisation's own OpenID Connect provider.
    public const string SingleSignOnMethod = "oidc";

    // Closed out of the inbox until they set up a second factor: the organisation requires one and this person has none.
    // A single sign-on session is not asked: the organisation's provider owns its factors (docs/inbox.md).
    public static bool MustSetUpSecondFactor(this ClaimsPrincipal user) =>
        user.HasClaim(SecondFactorMissing, "true") && !user.HasClaim(ClaimTypes.AuthenticationMethod, SingleSignOnMethod);

    // Every staff query is scoped by this id: no endpoint takes the tenant from the URL or the body.
    public static Guid Tenant(this ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(TenantId)!);

    public static string Slug(this ClaimsPrincipal user) => user.FindFirstValue(TenantSlug)!;

    public static string Actor(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Name) ?? "unknown";
}
