using DsarEngine.Server.Platform;

namespace DsarEngine.Server.Retention;

// The engine's own data: how long each organisation keeps it (the retention settings) and the purge that removes it.
internal static class RetentionSetup
{
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddValidatedOptions<RetentionOptions>(RetentionOptions.SectionName);
        return services.AddSingleton<RetentionStore>()
            .AddSingleton<RetentionAdmin>()
            .AddSingleton<RetentionPurge>()
            .AddEngineService<RetentionWorker>();
    }

    public static IEndpointRouteBuilder MapRetention(this IEndpointRouteBuilder app)
    {
        app.MapRetentionApi();
        return app;
    }
}
