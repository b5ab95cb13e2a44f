using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Platform;

// One organisation's public submissions per minute, whatever address they come from: per-client limits alone let a
// botnet (or one IPv6 holder of many /64s) fill a tenant's inbox and send its identity e-mails without bound. The
// tenant is named in the body, so this is checked once the body is read, before anything is stored.
internal sealed class TenantIntakeBudget(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(tenant =>
        RateLimitPartition.GetFixedWindowLimiter(tenant, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.TenantIntakePermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        }));

    // Null when the submission may go on; otherwise how long to wait.
    public TimeSpan? Refusal(string? tenant)
    {
        // A slug is short; anything else is refused by intake's validation, and must not grow the limiter's table.
        var key = tenant is { Length: > 0 and <= 64 } ? tenant.Trim().ToLowerInvariant() : "";
        using var lease = limiter.AttemptAcquire(key);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => limiter.Dispose();
}
