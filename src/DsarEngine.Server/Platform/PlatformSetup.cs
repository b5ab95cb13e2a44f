using DsarEngine.Workflows.Security;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Platform;

// What every feature stands on: settings, the database and its migrations, server keys, problems, auth, the public
// edge (forwarded headers, rate limits, CORS), health and the bus.
internal static class PlatformSetup
{
    public static IServiceCollection AddPlatform(this IServiceCollection services)
    {
        services.AddValidatedOptions<RoleOptions>(RoleOptions.SectionName)
            .AddValidatedOptions<DatabaseOptions>(DatabaseOptions.SectionName)
            .AddValidatedOptions<BusOptions>(BusOptions.SectionName)
            .AddValidatedOptions<IntakeOptions>(IntakeOptions.SectionName)
            .AddValidatedOptions<SecurityOptions>(SecurityOptions.SectionName)
            .AddValidatedOptions<NetworkOptions>(NetworkOptions.SectionName)
            .AddValidatedOptions<RateLimitOptions>(RateLimitOptions.SectionName);
        services.AddSingleton(TimeProvider.System);
        services.AddDsarDatabase(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString);
        services.AddSingleton(sp => new SecretTokens(sp.GetRequiredService<IOptions<SecurityOptions>>().Value.TokenKeyBytes()));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SecurityOptions>>().Value.DataKeys());
        services.AddSingleton<ApiKeyStore>();
        services.AddDsarProblemDetails();
        services.AddExceptionHandler<DatabaseOutage>();
        services.AddOpenApi();
        services.AddDsarAuth();
        services.AddDsarNetwork();
        services.AddDsarRateLimits();
        services.AddDsarCors();
        services.AddDsarHealth();
        return services.AddDsarBus();
    }

    // First in the pipeline: everything after it (rate limits, logs) must see the client a trusted proxy names.
    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseHostCheck();
        app.UseSecurityHeaders();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseRateLimiter();
        // The one document by its literal path: with {documentName} in the route, any other name reached the framework's own
        // text/plain 404 echoing the name (found by the hostile-input harness); now it is routing's problem+json 404.
        app.MapOpenApi("/openapi/v1.json");
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "api-docs";
            ui.SwaggerEndpoint("/openapi/v1.json", "DsarEngine v1");
            ui.DocumentTitle = "DsarEngine API";
        });
        app.MapDsarHealth();
        return app;
    }
}
