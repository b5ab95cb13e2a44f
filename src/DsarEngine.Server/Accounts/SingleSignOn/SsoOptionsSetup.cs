using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Accounts.SingleSignOn;

// The handler's options for one organisation's scheme, from its stored settings. Authorization code flow with PKCE
// (OAuth 2.0 Security BCP, RFC 9700 § 2.1.1), state and nonce validated by the handler, the answer in the query: the
// IdP's redirect is a top-level GET, so the correlation and nonce cookies can be SameSite=Lax instead of None.
internal sealed class SsoOptionsSetup(SsoSchemes schemes, IHttpClientFactory clients, TimeProvider clock)
    : IConfigureNamedOptions<OpenIdConnectOptions>
{
    public const string ClientName = "sso";

    public void Configure(string? name, OpenIdConnectOptions options)
    {
        if (name is null || schemes.Loaded(name) is not { } settings)
            return;
        options.Authority = settings.Authority.ToString();
        options.RequireHttpsMetadata = settings.Authority.Scheme == Uri.UriSchemeHttps; // plain http only where egress allows it
        options.ClientId = settings.ClientId;
        options.ClientSecret = settings.ClientSecret;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.UsePkce = true;
        options.Scope.Clear();
        foreach (var scope in settings.Scopes)
            options.Scope.Add(scope);
        options.CallbackPath = settings.CallbackPath;
        options.SignedOutCallbackPath = $"/inbox/sso/{settings.TenantSlug}/signed-out";
        options.RemoteSignOutPath = $"/inbox/sso/{settings.TenantSlug}/remote-sign-out";
        // SsoSignIn signs the person in with the inbox cookie itself; this scheme is never written.
        options.SignInScheme = IdentityConstants.ExternalScheme;
        options.SaveTokens = false;
        options.GetClaimsFromUserInfoEndpoint = false;
        options.MapInboundClaims = false; // the groups claim keeps the name the admin configured
        options.ClaimActions.Clear();
        options.DisableTelemetry = true;
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.NonceCookie.SameSite = SameSiteMode.Lax;
        options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.RemoteAuthenticationTimeout = TimeSpan.FromMinutes(10);
        options.TimeProvider = clock;
        // Metadata, keys and the code exchange go through the egress rules like every URL the engine is given.
        options.Backchannel = clients.CreateClient(ClientName);
        options.EventsType = typeof(SsoEvents);
    }

    public void Configure(OpenIdConnectOptions options) => Configure(null, options);
}
