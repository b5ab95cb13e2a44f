namespace DsarEngine.Server.Settings;

// The organisation's settings an admin changes in the inbox (Inbox/Components/Pages/Settings/) or through the staff API:
// the public form, the regime and closure days, the applicable law. Connectors and the register keep their services in their features.
internal static class SettingsSetup
{
    public static IServiceCollection AddSettings(this IServiceCollection services) => services
        .AddSingleton<FormSettingsStore>()
        .AddSingleton<FormSettingsAdmin>()
        .AddSingleton<ClockSettingsAdmin>()
        .AddSingleton<IdentityPolicyStore>()
        .AddSingleton<IdentityPolicyAdmin>()
        .AddSingleton<LawSettingsAdmin>();

    public static IEndpointRouteBuilder MapSettings(this IEndpointRouteBuilder app)
    {
        app.MapFormSettingsApi();
        app.MapIdentityPolicyApi();
        app.MapLawSettingsApi();
        return app;
    }
}
