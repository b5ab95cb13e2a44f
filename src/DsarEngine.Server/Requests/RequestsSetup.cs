namespace DsarEngine.Server.Requests;

// Intake (the public API and staff logging), the request store and its journal, status links, the staff views, and the
// subject's withdrawal.
internal static class RequestsSetup
{
    public static IServiceCollection AddRequests(this IServiceCollection services) => services
        .AddSingleton<RequestStore>()
        .AddSingleton<Appeals.AppealStore>()
        .AddSingleton<JournalStore>()
        .AddSingleton<RequestJournal>()
        .AddSingleton<StatusLinks>()
        .AddSingleton<IntakeService>()
        .AddSingleton<WithdrawalService>();

    public static IEndpointRouteBuilder MapRequests(this IEndpointRouteBuilder app)
    {
        app.MapRequestsApi();
        app.MapStaffRequestsApi();
        return app;
    }
}
