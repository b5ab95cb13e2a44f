using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Platform;

// What every feature's Add<Feature>() uses to register its settings and background services.
internal static class ServiceSetup
{
    // Bound to its section and validated when the host starts: a bad value stops it with a message naming the setting.
    public static IServiceCollection AddValidatedOptions<T>(this IServiceCollection services, string section) where T : class
    {
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    // A background service of the engine proper: idle in a pack-renderer process (Dsar:Role, read when the host starts).
    public static IServiceCollection AddEngineService<T>(this IServiceCollection services) where T : class, IHostedService =>
        services.AddSingleton<IHostedService>(sp => EngineRoles.RunsEngine(sp.GetRequiredService<IOptions<RoleOptions>>().Value.Role)
            ? ActivatorUtilities.CreateInstance<T>(sp) : new IdleService());

    private sealed class IdleService : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
