using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Platform;

// Public endpoints are open to the internet: each client (IPv4 address or IPv6 /64, after trusted proxies) gets a
// budget per minute and per kind of endpoint. Per-request and per-organisation budgets live beside what they count
// (PackCodes, TenantIntakeBudget).
internal static class RateLimits
{
    public const string PublicIntake = "public-intake";
    public const string PublicStatus = "public-status";
    public const string PublicCode = "public-code";
    public const string Callbacks = "callbacks";
    public const string OpenDsr = "opendsr";

    public static IServiceCollection AddDsarRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<TenantIntakeBudget>();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(PublicIntake, http => PerClient(http, PublicIntake, Intake(http).PublicPermitsPerMinute));
            limiter.AddPolicy(PublicStatus, http => PerClient(http, PublicStatus, Intake(http).StatusPermitsPerMinute));
            limiter.AddPolicy(PublicCode, http => PerClient(http, PublicCode, Edge(http).CodePermitsPerMinute));
            limiter.AddPolicy(Callbacks, http => PerClient(http, Callbacks, Edge(http).CallbackPermitsPerMinute));
            limiter.AddPolicy(OpenDsr, http => PerClient(http, OpenDsr, Edge(http).OpenDsrPermitsPerMinute));
            limiter.OnRejected = async (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var w) ? w : TimeSpan.FromMinutes(1);
                // A person at the hosted form reads a page in their language, not JSON (SubjectForm).
                var result = context.HttpContext.Request.Path.StartsWithSegments("/form")
                    ? await SubjectForm.FormRefusals.RateLimitedAsync(context.HttpContext, wait)
                    : Refuse(context.HttpContext, wait);
                await result.ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    // 429 with Retry-After (whole seconds, at least one) and a problem saying when to try again.
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Refuse(
        HttpContext http, TimeSpan retryAfter, string? detail = null)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problems.Of(StatusCodes.Status429TooManyRequests, "rate-limited", "Too many requests.",
            detail ?? $"Try again in {seconds} seconds.", new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds });
    }

    private static IntakeOptions Intake(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<IntakeOptions>>().Value;

    private static RateLimitOptions Edge(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    // The limit is part of the key so that a changed setting starts a fresh window instead of reusing the old limiter.
    private static RateLimitPartition<string> PerClient(HttpContext http, string policy, int limit) =>
        RateLimitPartition.GetFixedWindowLimiter(
            $"{policy}:{ClientAddress.Key(http.Connection.RemoteIpAddress)}:{limit}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
