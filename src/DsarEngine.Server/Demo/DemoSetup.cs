using DsarEngine.Server.Platform;

namespace DsarEngine.Server.Demo;

// The demo organisation, its processor and sample systems (Dsar:Demo:Seed).
internal static class DemoSetup
{
    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        services.AddValidatedOptions<DemoOptions>(DemoOptions.SectionName);
        return services.AddSingleton<DemoStates>().AddSingleton<DemoSamples>().AddSingleton<DemoSeeder>();
    }
}
