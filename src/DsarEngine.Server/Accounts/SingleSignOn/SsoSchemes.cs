using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Accounts.SingleSignOn;

// One OpenID Connect scheme per organisation, "sso-<tenant id>", added when its single sign-on is first used on this
// engine and rebuilt when its settings' version moved (another engine may have saved them). The options come from the
// settings loaded here (SsoOptionsSetup); the framework's handler does the protocol: PKCE, state, nonce, signatures.
// Its state and correlation cookie are protected per scheme name, so one organisation's callback cannot complete
// another's sign-in.
internal sealed class SsoSchemes(IAuthenticationSchemeProvider schemes, IOptionsMonitorCache<OpenIdConnectOptions> cache, SsoStore store)
{
    private const string Prefix = "sso-";
    private readonly ConcurrentDictionary<string, SsoSettings> loaded = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public static bool IsSso(string scheme) => scheme.StartsWith(Prefix, StringComparison.Ordinal);

    public static string NameOf(Guid tenantId) => $"{Prefix}{tenantId:N}";

    public static Guid TenantOf(string scheme) => Guid.ParseExact(scheme[Prefix.Length..], "N");

    public SsoSettings? Loaded(string scheme) => loaded.GetValueOrDefault(scheme);

    // The scheme for the organisation with this slug, current with its stored settings; null when it has no single sign-on
    // turned on (then any scheme left from before is removed).
    public async Task<string?> EnsureAsync(string slug, CancellationToken ct)
    {
        var settings = await store.FindBySlugAsync(slug, ct);
        if (settings is null)
            return null;
        var name = NameOf(settings.TenantId);
        lock (gate)
        {
            if (!settings.Enabled)
            {
                schemes.RemoveScheme(name);
                cache.TryRemove(name);
                loaded.TryRemove(name, out _);
                return null;
            }
            if (loaded.TryGetValue(name, out var known) && known.Version >= settings.Version)
                return name;
            loaded[name] = settings;
            cache.TryRemove(name); // built again from the new settings, with a fresh metadata cache
            schemes.TryAddScheme(new AuthenticationScheme(name, "Single sign-on", typeof(OpenIdConnectHandler)));
            return name;
        }
    }
}

// The authentication middleware asks every scheme that handles requests whether the request is its callback: with a
// scheme per organisation that would be every organisation's handler on every request. The callbacks are endpoints
// instead (SsoEndpoints), which run only their organisation's handler.
internal sealed class SsoSchemeProvider(IOptions<AuthenticationOptions> options) : AuthenticationSchemeProvider(options)
{
    public override async Task<IEnumerable<AuthenticationScheme>> GetRequestHandlerSchemesAsync() =>
        (await base.GetRequestHandlerSchemesAsync()).Where(s => !SsoSchemes.IsSso(s.Name));
}
