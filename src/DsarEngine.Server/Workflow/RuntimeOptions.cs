using System.ComponentModel.DataAnnotations;

namespace DsarEngine.Server.Workflow;

internal sealed class RuntimeOptions : IValidatableObject
{
    public const string SectionName = "Dsar:Runtime";

    // Fallback polling when no LISTEN/NOTIFY wake-up arrives (default 1000 ms, 50–60000).
    [Range(50, 60_000, ErrorMessage = "Dsar:Runtime:PollMilliseconds must be between 50 and 60000.")]
    public int PollMilliseconds { get; set; } = 1000;

    // Outbox rows published per transaction (default 50, 1–1000).
    [Range(1, 1000, ErrorMessage = "Dsar:Runtime:OutboxBatch must be between 1 and 1000.")]
    public int OutboxBatch { get; set; } = 50;

    // One send to the broker may take this long before it counts as failed (default 30 s, 1–600). A broker that is
    // paused or blocked by a memory or disk alarm makes sends hang; the relay must not hold its transaction meanwhile.
    [Range(1, 600, ErrorMessage = "Dsar:Runtime:OutboxSendTimeoutSeconds must be between 1 and 600.")]
    public int OutboxSendTimeoutSeconds { get; set; } = 30;

    // Backoff after a failed send: the first retry after this long, doubling each time (default 2 s, 1–3600) ...
    [Range(1, 3600, ErrorMessage = "Dsar:Runtime:OutboxRetryBaseSeconds must be between 1 and 3600.")]
    public int OutboxRetryBaseSeconds { get; set; } = 2;

    // ... up to this (default 300 s, 1–86400, at least OutboxRetryBaseSeconds): a broker back after an outage is used
    // within a few minutes.
    [Range(1, 86_400, ErrorMessage = "Dsar:Runtime:OutboxRetryMaxSeconds must be between 1 and 86400.")]
    public int OutboxRetryMaxSeconds { get; set; } = 300;

    // Failed sends after which a row is parked as dead for staff to requeue (default 100, 1–100000). With the default
    // backoff that is about eight hours of failing; a relay round stops at its first failed send, so an outage costs
    // one attempt of one row per round, not one attempt of every row.
    [Range(1, 100_000, ErrorMessage = "Dsar:Runtime:OutboxMaxAttempts must be between 1 and 100000.")]
    public int OutboxMaxAttempts { get; set; } = 100;

    // A timer whose signal fails is tried again after 5 s, doubling up to this (default 900 s, 5–86400). Timers carry
    // legal deadlines, so they are never given up.
    [Range(5, 86_400, ErrorMessage = "Dsar:Runtime:TimerRetryMaxSeconds must be between 5 and 86400.")]
    public int TimerRetryMaxSeconds { get; set; } = 900;

    // Due timers fired side by side by one node's poller, each in its own transaction (default 4, 1–32). Every
    // workflow starts by a timer, so one loop caps a node's workflow starts (docs/performance.md).
    [Range(1, 32, ErrorMessage = "Dsar:Runtime:TimerWorkers must be between 1 and 32.")]
    public int TimerWorkers { get; set; } = 4;

    // Run the outbox relay and the timer poller in this process (default true; a web-only node may turn them off).
    public bool Workers { get; set; } = true;

    // Folder of workflow definitions (default: the workflows/ shipped next to the host). Organisations point it at
    // their own copy to add or reorder steps without code.
    public string? DefinitionsPath { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OutboxRetryMaxSeconds < OutboxRetryBaseSeconds)
            yield return new ValidationResult("Dsar:Runtime:OutboxRetryMaxSeconds must be at least Dsar:Runtime:OutboxRetryBaseSeconds.");
    }

    public TimeSpan OutboxBackoff(int attempt) => Backoff(attempt, OutboxRetryBaseSeconds, OutboxRetryMaxSeconds);

    public TimeSpan TimerBackoff(int attempt) => Backoff(attempt, 5, TimerRetryMaxSeconds);

    // attempt 1 -> base, 2 -> 2 × base, 3 -> 4 × base, … capped (the shift is bounded so it cannot overflow).
    private static TimeSpan Backoff(int attempt, int baseSeconds, int maxSeconds) =>
        TimeSpan.FromSeconds(Math.Min(maxSeconds, (long)baseSeconds << Math.Clamp(attempt - 1, 0, 30)));
}
