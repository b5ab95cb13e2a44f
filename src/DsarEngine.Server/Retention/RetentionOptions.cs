using System.ComponentModel.DataAnnotations;

namespace DsarEngine.Server.Retention;

internal sealed class RetentionOptions
{
    public const string SectionName = "Dsar:Retention";

    // Run the purge in this process (default true). Every engine node may run it: one at a time holds the lock.
    public bool Enabled { get; set; } = true;

    // Minutes between purges (default 1440: daily, 5–1440). A purge that finds nothing due costs one query.
    [Range(5, 1440, ErrorMessage = "Dsar:Retention:IntervalMinutes must be between 5 and 1440.")]
    public int IntervalMinutes { get; set; } = 1440;

    // Requests purged per query, each in its own transaction (default 100, 1–10000).
    [Range(1, 10_000, ErrorMessage = "Dsar:Retention:Batch must be between 1 and 10000.")]
    public int Batch { get; set; } = 100;
}
