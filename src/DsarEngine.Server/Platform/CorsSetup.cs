using DsarEngine.Server.Tenants;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Platform;

// Browsers may call the public API only from an allow-listed origin: the configured ones plus every
// tenant's own list. Intake then checks the origin against the submitting tenant's list in particular.
internal static class CorsSetup
{
    public const string PublicPolicy = "public";

    public static IServiceCollection AddDsarCors(this IServiceCollection services)
    {
        services.AddSingleton<OriginAllowList>();
        services.AddHostedService(sp => sp.GetRequiredService<OriginAllowList>());
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<OriginAllowList>((cors, allowList) => cors.AddPolicy(PublicPolicy, policy => policy
                .SetIsOriginAllowed(allowList.IsAllowed)
                .WithMethods("GET", "POST")
                .WithHeaders("Content-Type", "Idempotency-Key", "X-Status-Token")
                .WithExposedHeaders("Location", "Idempotent-Replayed", "Retry-After")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        return services;
    }
}

// Refreshed in the background so the CORS check (synchronous by design) never waits on the database.
internal sealed class OriginAllowList(TenantStore tenants, IOptions<SecurityOptions> options, ILogger<OriginAllowList> log)
    : BackgroundService
{
    private volatile HashSet<string> tenantOrigins = new(StringComparer.OrdinalIgnoreCase);

    public bool IsAllowed(string origin) =>
        tenantOrigins.Contains(origin) || options.Value.AllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase);

    public async Task RefreshAsync(CancellationToken ct) =>
        tenantOrigins = new HashSet<string>(await tenants.AllowedOriginsAsync(ct), StringComparer.OrdinalIgnoreCase);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
        do
        {
            try { await RefreshAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Could not refresh the CORS allow-list; keeping the previous one");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
