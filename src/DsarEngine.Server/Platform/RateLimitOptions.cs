using System.ComponentModel.DataAnnotations;

namespace DsarEngine.Server.Platform;

// Dsar:RateLimits — budgets on the public edge beyond intake and status (those are Dsar:Intake's). "Per client" means
// per IPv4 address or IPv6 /64, after trusted proxies are unwrapped (Dsar:Network).
internal sealed class RateLimitOptions
{
    public const string SectionName = "Dsar:RateLimits";

    // Code endpoints per client per minute: identity proof, sending and using pack codes (default 10).
    [Range(1, 1_000_000, ErrorMessage = "Dsar:RateLimits:CodePermitsPerMinute must be between 1 and 1000000.")]
    public int CodePermitsPerMinute { get; set; } = 10;

    // Connector result callbacks and OpenDSR status callbacks per client per minute (default 600).
    [Range(1, 1_000_000, ErrorMessage = "Dsar:RateLimits:CallbackPermitsPerMinute must be between 1 and 1000000.")]
    public int CallbackPermitsPerMinute { get; set; } = 600;

    // OpenDSR processor endpoints (/opendsr/v1/*) per client per minute (default 600).
    [Range(1, 1_000_000, ErrorMessage = "Dsar:RateLimits:OpenDsrPermitsPerMinute must be between 1 and 1000000.")]
    public int OpenDsrPermitsPerMinute { get; set; } = 600;

    // Public submissions to one organisation per minute, from all clients together (default 300), so that a form
    // cannot be flooded from many addresses without bound.
    [Range(1, 1_000_000, ErrorMessage = "Dsar:RateLimits:TenantIntakePermitsPerMinute must be between 1 and 1000000.")]
    public int TenantIntakePermitsPerMinute { get; set; } = 300;

    // Pack codes e-mailed for one request per rolling hour (default 3); beyond it nothing is sent.
    [Range(1, 100, ErrorMessage = "Dsar:RateLimits:PackCodesPerHour must be between 1 and 100.")]
    public int PackCodesPerHour { get; set; } = 3;

    // Wrong pack codes tried for one request, across all its codes, per rolling 24 hours (default 10).
    [Range(1, 1000, ErrorMessage = "Dsar:RateLimits:PackCodeGuessesPerDay must be between 1 and 1000.")]
    public int PackCodeGuessesPerDay { get; set; } = 10;
}
