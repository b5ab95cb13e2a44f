namespace DsarEngine.Server.Tenants;

// Organisations, the processor role: customers' workspaces, routing and the processors a customer accepts.
internal static class TenantsSetup
{
    public static IServiceCollection AddTenants(this IServiceCollection services) => services
        .AddSingleton<TenantStore>()
        .AddSingleton<TenantCache>()
        .AddSingleton<WorkspaceStore>();

    public static IEndpointRouteBuilder MapTenants(this IEndpointRouteBuilder app)
    {
        app.MapWorkspacesApi();
        app.MapProcessorLinksApi();
        return app;
    }
}
