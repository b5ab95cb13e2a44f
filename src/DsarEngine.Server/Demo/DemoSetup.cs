namespace DsarEngine.Server.Demo;

// The demo organisation, its processor and sample systems (Dsar:Demo:Seed).
internal static class DemoSetup
{
    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName);
        return services.AddSingleton<DemoSamples>().AddSingleton<DemoSeeder>();
    }
}
