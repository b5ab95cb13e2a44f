using System.ComponentModel.DataAnnotations;

namespace DsarEngine.Server.Portal;

// Dsar:Portal — how long the subject's portal stays open.
internal sealed class PortalOptions
{
    public const string SectionName = "Dsar:Portal";

    // Minutes without a page view after which the portal session ends and the e-mail's link must be opened again (default 30).
    [Range(5, 1440, ErrorMessage = "Dsar:Portal:SessionMinutes must be between 5 and 1440.")]
    public int SessionMinutes { get; set; } = 30;

    // Days after the request closed during which the status link still opens the portal (default 90): long enough to
    // collect the answer and ask about it, not a standing door onto a finished request.
    [Range(1, 3650, ErrorMessage = "Dsar:Portal:LinkDaysAfterClose must be between 1 and 3650.")]
    public int LinkDaysAfterClose { get; set; } = 90;
}
