using System.ComponentModel.DataAnnotations;

namespace DsarEngine.Server.Connectors;

internal sealed class ExportOptions
{
    public const string SectionName = "Dsar:Connectors:Exports";

    // The largest export one connector task may deliver (default 256 MiB, 1 MiB to 900 MiB: a pack is stored as one
    // PostgreSQL bytea, whose ceiling is 1 GB). Chunks beyond it are not stored and the reply fails as export-too-large.
    [Range(1_048_576, 943_718_400,
        ErrorMessage = "Dsar:Connectors:Exports:MaxBytes must be between 1048576 (1 MiB) and 943718400 (900 MiB).")]
    public long MaxBytes { get; set; } = ExportLimits.DefaultMaxBytes;
}
