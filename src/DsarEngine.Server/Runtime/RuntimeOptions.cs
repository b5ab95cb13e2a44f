using System.ComponentModel.DataAnnotations;

namespace DsarEngine.Server.Runtime;

internal sealed class RuntimeOptions
{
    public const string SectionName = "Dsar:Runtime";

    // Fallback polling when no LISTEN/NOTIFY wake-up arrives (default 1000 ms, 50–60000).
    [Range(50, 60_000, ErrorMessage = "Dsar:Runtime:PollMilliseconds must be between 50 and 60000.")]
    public int PollMilliseconds { get; set; } = 1000;

    // Outbox rows published per transaction (default 50, 1–1000).
    [Range(1, 1000, ErrorMessage = "Dsar:Runtime:OutboxBatch must be between 1 and 1000.")]
    public int OutboxBatch { get; set; } = 50;

    // Run the outbox relay and the timer poller in this process (default true; a web-only node may turn them off).
    public bool Workers { get; set; } = true;

    // Folder of workflow definitions (default: the workflows/ shipped next to the host). Organisations point it at
    // their own copy to add or reorder steps without code.
    public string? DefinitionsPath { get; set; }
}
