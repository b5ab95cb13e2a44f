using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace DsarEngine.Server.Platform;

internal static class Health
{
    public const string BrokerTag = "broker";

    public static IServiceCollection AddDsarHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("postgresql", tags: ["ready"]);
        // MassTransit's own bus check, renamed and re-tagged: a broker outage reports "Degraded" rather than failing,
        // and is not part of readiness (see MapDsarHealth). PostConfigure: the bus registration sets its defaults later.
        services.PostConfigure<MassTransit.Configuration.MassTransitHealthCheckOptions<MassTransit.IBus>>(o =>
        {
            o.Name = "masstransit-bus";
            o.Tags.Clear();
            o.Tags.Add(BrokerTag);
            o.MinimalFailureStatus = HealthStatus.Degraded;
        });
        return services;
    }

    public static void MapDsarHealth(this IEndpointRouteBuilder app)
    {
        // A pack renderer serves nothing but its queue: for it, the broker is what readiness means.
        var brokerServes = app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<RoleOptions>>().Value.Role
            == EngineRoles.PackRenderer;
        // Live: the process answers.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = Write });
        // Ready: what serving needs. Intake, status, identity and downloads need only PostgreSQL; what the engine sends
        // on the bus waits in the outbox until the broker is back. So a broker outage is reported here (Degraded) but
        // keeps the engine in the load balancer: taking intake offline for it would lose requests, not protect them.
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready") || c.Tags.Contains(BrokerTag),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = 200, [HealthStatus.Degraded] = brokerServes ? 503 : 200, [HealthStatus.Unhealthy] = 503,
            },
            ResponseWriter = Write,
        });
        // Broker: for monitoring and alerts; 503 while the engine cannot reach RabbitMQ.
        app.MapHealthChecks("/health/broker", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(BrokerTag),
            ResultStatusCodes = { [HealthStatus.Healthy] = 200, [HealthStatus.Degraded] = 503, [HealthStatus.Unhealthy] = 503 },
            ResponseWriter = Write,
        });
    }

    private static Task Write(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }
}

internal sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("PostgreSQL answers.");
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is unreachable.", ex);
        }
    }
}
