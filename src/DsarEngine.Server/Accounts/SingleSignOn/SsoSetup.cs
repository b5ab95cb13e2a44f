using DsarEngine.Server.Connectors.Egress;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Accounts.SingleSignOn;

// Optional single sign-on with OpenID Connect, per organisation (docs/inbox.md). No scheme is registered at start-up:
// SsoSchemes adds an organisation's when it is first used.
internal static class SsoSetup
{
    public static IServiceCollection AddSingleSignOn(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<IAuthenticationSchemeProvider, SsoSchemeProvider>());
        services.AddWebEncoders();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, SsoOptionsSetup>();
        // Metadata and keys are small; the IdP answers within seconds or the person is told it failed.
        services.AddEgressClient(SsoOptionsSetup.ClientName, TimeSpan.FromSeconds(15), _ => 1024 * 1024);
        return services.AddSingleton<SsoStore>().AddSingleton<SsoLogins>().AddSingleton<SsoSchemes>()
            .AddScoped<SsoSignIn>().AddScoped<SsoEvents>();
    }
}
