using DsarEngine.Server.Inbox.Components;
using DsarEngine.Server.Inbox.Request;
using MudBlazor.Services;

namespace DsarEngine.Server.Inbox;

// The privacy team's web inbox: a Blazor Web App served by the engine (interactive server rendering, live updates over
// SignalR), MudBlazor components, signed in with the Accounts feature's cookie. Every action calls the same feature
// services as the staff API (docs/inbox.md).
internal static class InboxSetup
{
    public static IServiceCollection AddInbox(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
        services.AddSingleton<InboxChanges>().AddHostedService(sp => sp.GetRequiredService<InboxChanges>());
        return services.AddScoped<InboxUser>().AddSingleton<InboxQueries>().AddSingleton<DashboardQueries>()
            .AddSingleton<RequestPageQueries>().AddScoped<RequestActions>().AddScoped<NoticeActions>()
            .AddScoped<DocumentActions>()
            .AddSingleton<RequestAssignment>().AddSingleton<StaffAssignees>().AddSingleton<EngineHealth>();
    }

    public static IEndpointRouteBuilder MapInbox(this IEndpointRouteBuilder app)
    {
        app.MapStaticAssets();
        app.MapDashboardExport();
        app.MapRequestDocuments();
        app.MapEngineHealth();
        // The engine's own CSP (SecurityHeaders) already forbids framing: no second header from Blazor.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
