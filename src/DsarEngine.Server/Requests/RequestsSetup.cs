namespace DsarEngine.Server.Requests;

// Intake (the public API and staff logging), the request store and its journal, status links, the staff views, and the
// subject's withdrawal.
internal static class RequestsSetup
{
    public static IServiceCollection AddRequests(this IServiceCollection services) => services
        .AddSingleton<RequestStore>()
        .AddSingleton<Appeals.AppealStore>()
        .AddSingleton<Representatives.RepresentativeStore>()
        .AddSingleton<Representatives.ProofConfirmation>()
        .AddSingleton<PostMortemInstructions.PostMortemStore>()
        .AddSingleton<JournalStore>()
        .AddSingleton<RequestJournal>()
        .AddSingleton<StatusLinks>()
        .AddSingleton<IntakeService>()
        .AddSingleton<WithdrawalService>();

    public static IEndpointRouteBuilder MapRequests(this IEndpointRouteBuilder app)
    {
        app.MapRequestsApi();
        app.MapStaffRequestsApi();
        Representatives.RepresentativesApi.MapRepresentatives(app);
        PostMortemInstructions.PostMortemApi.MapPostMortem(app);
        return app;
    }
}
