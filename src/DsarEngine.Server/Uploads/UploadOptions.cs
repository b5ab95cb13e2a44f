using System.ComponentModel.DataAnnotations;

namespace DsarEngine.Server.Uploads;

internal sealed class UploadOptions
{
    public const string SectionName = "Dsar:Uploads";

    // Largest accepted document. Default 10 MiB: a scanned ID or a signed letter as PDF, or a phone photo.
    [Range(1024, 104_857_600, ErrorMessage = "Dsar:Uploads:MaxBytes must be between 1024 and 104857600.")]
    public int MaxBytes { get; set; } = 10_485_760;

    // Documents accepted with one submission (default 5).
    [Range(1, 20, ErrorMessage = "Dsar:Uploads:MaxFiles must be between 1 and 20.")]
    public int MaxFiles { get; set; } = 5;
}
