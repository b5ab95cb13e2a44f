using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;

namespace DsarEngine.Server.Platform;

// PostgreSQL away (restarting, failing over, unreachable) is not a bug of the engine nor of the caller: answer 503 with
// Retry-After and a problem saying to send the same request again, instead of the generic 500 (issue 16's restart
// test). Intake's Idempotency-Key makes the retry safe: a request that was stored after all is not stored twice.
internal sealed class DatabaseOutage(ILogger<DatabaseOutage> log) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!Connectors.ConnectorEndpoints.DatabaseAway(exception) || http.Response.HasStarted)
            return false;
        // The route's pattern, not the path: a path can carry a request's reference.
        log.LogWarning("The database is unreachable: answered 503 to {Method} {Route}", http.Request.Method,
            (http.Features.Get<IExceptionHandlerFeature>()?.Endpoint as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)");
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        await Problems.Of(StatusCodes.Status503ServiceUnavailable, "unavailable", "Briefly unavailable.",
                $"The service cannot reach its database. Send the same request again in {RetryAfterSeconds} seconds "
                + "(with the same Idempotency-Key, if you sent one: it will not be stored twice).",
                new Dictionary<string, object?> { ["retryAfterSeconds"] = RetryAfterSeconds })
            .ExecuteAsync(http);
        return true;
    }
}
