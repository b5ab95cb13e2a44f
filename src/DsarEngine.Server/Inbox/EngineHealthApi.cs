using System.Security.Claims;
using DsarEngine.Server.Platform;

namespace DsarEngine.Server.Inbox;

// The data of the inbox's health strip, for every staff role (auditors too): what of the engine is down or behind now.
internal static class EngineHealthApi
{
    public sealed record EngineHealthView(bool Healthy, IReadOnlyList<EngineIncident> Incidents);

    public static IEndpointRouteBuilder MapEngineHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/staff/engine-health", Read).WithTags("Staff: engine health").RequireAuthorization(AuthServices.Staff)
            .WithSummary("Parts of the engine down or behind now (database, broker, mail, outbox, timers); empty when all is well");
        return app;
    }

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<EngineHealthView>> Read(
        ClaimsPrincipal user, EngineHealth health, CancellationToken ct)
    {
        var incidents = await health.ReadAsync(user.Tenant(), ct);
        return TypedResults.Ok(new EngineHealthView(incidents.Count == 0, incidents));
    }
}
