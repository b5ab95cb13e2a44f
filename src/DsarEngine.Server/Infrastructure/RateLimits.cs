using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Infrastructure;

// Public endpoints are open to the internet: each client address gets a budget per minute.
internal static class RateLimits
{
    public const string PublicIntake = "public-intake";
    public const string PublicStatus = "public-status";

    public static IServiceCollection AddDsarRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(PublicIntake, http => PerClient(http, o => o.PublicPermitsPerMinute));
            limiter.AddPolicy(PublicStatus, http => PerClient(http, o => o.StatusPermitsPerMinute));
            limiter.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await Problems.Of(StatusCodes.Status429TooManyRequests, "rate-limited", "Too many requests.",
                    $"Try again in {Math.Ceiling(retryAfter.TotalSeconds)} seconds.").ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    private static RateLimitPartition<string> PerClient(HttpContext http, Func<IntakeOptions, int> permits)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<IntakeOptions>>().Value;
        var limit = permits(options);
        return RateLimitPartition.GetFixedWindowLimiter(
            $"{http.Connection.RemoteIpAddress}:{limit}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }
}
