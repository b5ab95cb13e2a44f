namespace DsarEngine.Server.Identity;

// The subject's proof of identity: the e-mailed link and one-time code (GDPR Art. 12(6)).
internal static class IdentitySetup
{
    public static IServiceCollection AddIdentity(this IServiceCollection services) => services.AddSingleton<IdentityVerification>();

    public static IEndpointRouteBuilder MapIdentity(this IEndpointRouteBuilder app)
    {
        app.MapIdentityApi();
        return app;
    }
}
