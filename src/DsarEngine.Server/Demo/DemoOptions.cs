namespace DsarEngine.Server.Demo;

internal sealed class DemoOptions
{
    public const string SectionName = "Dsar:Demo";

    // Seed the demo organisation ("demo"), its staff API keys and a few sample requests at start-up.
    public bool Seed { get; set; }

    // Where to write (and re-read) the demo credentials; keys are reused across runs when the file exists.
    public string? CredentialsFile { get; set; }

    // Register the sample CRM connector (samples/DsarEngine.Samples.CrmConnector, started by eng/run.sh) for
    // the demo organisation, so its workflows reach a real connector over the bus.
    public bool SampleConnector { get; set; }

    // How many sample requests to create when the demo organisation has none (default 6).
    public int SampleRequests { get; set; } = 6;
}
