using System.ComponentModel.DataAnnotations;

namespace DsarEngine.Server.Connectors.Http;

// Dsar:Connectors:Http — how the engine calls HTTP connectors. Secrets are separate, per organisation and bound to
// endpoints: Dsar:Connectors:Secrets:<tenant>:<name> (ConnectorSecrets, checked at start-up with these options).
internal sealed class HttpConnectorOptions
{
    public const string SectionName = "Dsar:Connectors:Http";

    // One call (or one status poll) may take this long before it counts as failed (default 30 s).
    [Range(1, 300, ErrorMessage = "Dsar:Connectors:Http:TimeoutSeconds must be between 1 and 300.")]
    public int TimeoutSeconds { get; set; } = 30;

    // The circuit opens when at least this share of calls failed in the sampling window (default 0.5)…
    [Range(0.01, 1.0, ErrorMessage = "Dsar:Connectors:Http:FailureRatio must be between 0.01 and 1.")]
    public double FailureRatio { get; set; } = 0.5;

    // …and at least this many calls were made in it (default 4)…
    [Range(2, 1000, ErrorMessage = "Dsar:Connectors:Http:MinimumThroughput must be between 2 and 1000.")]
    public int MinimumThroughput { get; set; } = 4;

    // …and stays open this long, failing calls fast without reaching the connector (default 30 s).
    [Range(1, 3600, ErrorMessage = "Dsar:Connectors:Http:BreakSeconds must be between 1 and 3600.")]
    public int BreakSeconds { get; set; } = 30;

    // Poll mode: ask for the result this often, this many times, then give up for now (retryable; the engine backs off).
    [Range(50, 60000, ErrorMessage = "Dsar:Connectors:Http:PollIntervalMilliseconds must be between 50 and 60000.")]
    public int PollIntervalMilliseconds { get; set; } = 1000;

    [Range(1, 600, ErrorMessage = "Dsar:Connectors:Http:PollAttempts must be between 1 and 600.")]
    public int PollAttempts { get; set; } = 30;

    // Largest result body accepted from a connector (default 16 MiB: exports come inline over HTTP).
    [Range(1024, 268435456, ErrorMessage = "Dsar:Connectors:Http:MaxResultBytes must be between 1 KiB and 256 MiB.")]
    public int MaxResultBytes { get; set; } = 16 * 1024 * 1024;
}
