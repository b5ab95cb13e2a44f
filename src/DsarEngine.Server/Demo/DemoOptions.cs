using System.ComponentModel.DataAnnotations;

namespace DsarEngine.Server.Demo;

internal sealed class DemoOptions
{
    public const string SectionName = "Dsar:Demo";

    // Seed the demo organisation ("demo"), its staff API keys and a few sample requests at start-up.
    public bool Seed { get; set; }

    // Where to write (and re-read) the demo credentials; keys are reused across runs when the file exists.
    public string? CredentialsFile { get; set; }

    // Register the sample systems eng/run.sh starts (CRM, billing, support desk on the bus; the newsletter SaaS over
    // HTTP; a manual paper archive) for the demo organisation, and a processor tenant routing to it.
    public bool SampleConnectors { get; set; }

    // Where the newsletter SaaS simulator listens (eng/run.sh starts it there).
    [Url(ErrorMessage = "Dsar:Demo:NewsletterUrl must be an absolute http:// or https:// URL.")]
    public string NewsletterUrl { get; set; } = "http://127.0.0.1:5090/";

    // The origin of the demo's shop site (samples/DsarEngine.Samples.Shop, which eng/run.sh serves on DSAR_SHOP_PORT): the
    // demo organisation allows it, so that the shop's privacy page may embed the subject form (CORS, frame-ancestors).
    [RegularExpression(@"^https?://[^/?#\s]+$",
        ErrorMessage = "Dsar:Demo:ShopOrigin must be an origin (scheme://host[:port], no path), e.g. http://localhost:5091.")]
    public string ShopOrigin { get; set; } = "http://localhost:5091";

    // The AMQP URL of the demo organisation's erasure-listener user (eng/run.sh), written to the credentials file as
    // bus.erasureListenerUrl: a downstream system that may read the demo organisation's erasure events and no other's.
    public string? ErasureListenerUrl { get; set; }

    // The demo OpenDSR controller's bearer token (eng/run.sh; the engine is configured with its SHA-256 only), written to
    // the credentials file under "opendsr" so the OpenDSR endpoints can be tried.
    public string? OpenDsrToken { get; set; }

    // How many sample requests to create when the demo organisation has none (default 8: one in each state the inbox shows,
    // DemoStates.For).
    [Range(0, 500, ErrorMessage = "Dsar:Demo:SampleRequests must be between 0 and 500.")]
    public int SampleRequests { get; set; } = 8;
}
