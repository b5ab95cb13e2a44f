namespace DsarEngine.Server.Deadlines;

// The legal clock at the edge: previews, a request's deadline explained, extensions and stopped clocks.
internal static class DeadlinesSetup
{
    public static IServiceCollection AddDeadlines(this IServiceCollection services) =>
        services.AddSingleton<ClockCommands>().AddSingleton<DeadlineExplainer>();

    public static IEndpointRouteBuilder MapDeadlines(this IEndpointRouteBuilder app)
    {
        app.MapDeadlinesApi();
        app.MapClockApi();
        return app;
    }
}
