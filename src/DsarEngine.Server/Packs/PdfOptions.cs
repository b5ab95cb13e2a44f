using System.ComponentModel.DataAnnotations;

namespace DsarEngine.Server.Packs;

// Dsar:Pdf — the HTML-to-PDF renderer (Debian's Chromium driven by Playwright; it never downloads a browser).
internal sealed class PdfOptions
{
    public const string SectionName = "Dsar:Pdf";

    [Required(ErrorMessage = "Dsar:Pdf:ChromiumPath is required (Debian: /usr/bin/chromium).")]
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    // Pages rendered at once by the one browser (default 2: a 2-core machine).
    [Range(1, 32, ErrorMessage = "Dsar:Pdf:MaxConcurrentRenders must be between 1 and 32.")]
    public int MaxConcurrentRenders { get; set; } = 2;

    // A render that takes longer is abandoned (its page closed) and reported, so a stuck page cannot hold a slot.
    [Range(1, 600, ErrorMessage = "Dsar:Pdf:TimeoutSeconds must be between 1 and 600.")]
    public int TimeoutSeconds { get; set; } = 60;
}
