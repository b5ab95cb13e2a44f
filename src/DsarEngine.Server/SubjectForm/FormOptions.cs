using System.ComponentModel.DataAnnotations;

namespace DsarEngine.Server.SubjectForm;

internal sealed class FormOptions
{
    public const string SectionName = "Dsar:Form";

    // A person needs more than a few seconds to fill in the form; a script posting at once does not (default 3).
    [Range(0, 600, ErrorMessage = "Dsar:Form:MinFillSeconds must be between 0 and 600.")]
    public int MinFillSeconds { get; set; } = 3;

    // How long a served form may be sent (default 120 minutes); older, it is shown again with the answers kept.
    [Range(1, 1440, ErrorMessage = "Dsar:Form:MaxAgeMinutes must be between 1 and 1440.")]
    public int MaxAgeMinutes { get; set; } = 120;
}
