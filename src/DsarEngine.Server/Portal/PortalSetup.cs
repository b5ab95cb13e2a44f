using DsarEngine.Server.Platform;

namespace DsarEngine.Server.Portal;

// The data subject's portal (docs/portal.md): the session, the pages' queries and the services the forms call.
internal static class PortalSetup
{
    public static IServiceCollection AddPortal(this IServiceCollection services) => services
        .AddValidatedOptions<PortalOptions>(PortalOptions.SectionName)
        .AddSingleton<PortalSession>()
        .AddSingleton<PortalAccess>()
        .AddSingleton<PortalHomeQuery>()
        .AddSingleton<PortalReplies>()
        .AddSingleton<PortalIdentity>()
        .AddSingleton<PortalAnswer>();
}
