namespace DsarEngine.Server.Triage;

// The organisation's own answer target and the urgent mark (TriageApi): what staff look at first, beside the legal clock.
internal static class TriageSetup
{
    public static IServiceCollection AddTriage(this IServiceCollection services) => services.AddSingleton<TriageStore>();
}
