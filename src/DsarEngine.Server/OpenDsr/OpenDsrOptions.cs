using System.ComponentModel.DataAnnotations;

namespace DsarEngine.Server.OpenDsr;

// Dsar:OpenDsr — the engine as an OpenDSR processor (docs/opendsr.md). Off unless a signing identity is configured,
// except in Development, where an ephemeral one is made (with a warning) so that the endpoints can be tried.
internal sealed class OpenDsrOptions : IValidatableObject
{
    public const string SectionName = "Dsar:OpenDsr";

    // The processor domain named in X-OpenDSR-Processor-Domain and keying the engine's extension object.
    public string Domain { get; set; } = "dsar.localhost";

    // PEM file with the RSA private key that signs responses and callbacks; it may also hold the certificate.
    public string? SigningKeyPath { get; set; }

    // PEM file of the CA-issued certificate of that key, when it is not in SigningKeyPath (OpenDSR § 4.1).
    public string? CertificatePath { get; set; }

    // Not Production: sign with a self-signed certificate made at start-up (the specification forbids it in production).
    public bool SelfSigned { get; set; }

    // Controllers allowed to submit: id -> the tenant it submits to and how it proves who it is (token hash or certificate).
    public Dictionary<string, OpenDsrController> Controllers { get; set; } = [];

    // How often status changes are looked for and callbacks sent (default 5 s).
    [Range(50, 600000, ErrorMessage = "Dsar:OpenDsr:CallbackIntervalMilliseconds must be between 50 and 600000.")]
    public int CallbackIntervalMilliseconds { get; set; } = 5000;

    // One callback POST may take this long before it counts as failed and is retried later (default 15 s).
    [Range(1, 300, ErrorMessage = "Dsar:OpenDsr:CallbackTimeoutSeconds must be between 1 and 300.")]
    public int CallbackTimeoutSeconds { get; set; } = 15;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CertificatePath is not null && SigningKeyPath is null)
            yield return new ValidationResult(
                "Dsar:OpenDsr:CertificatePath needs Dsar:OpenDsr:SigningKeyPath (the PEM private key it certifies).");
        foreach (var path in new[] { SigningKeyPath, CertificatePath }.OfType<string>())
            if (!File.Exists(path))
                yield return new ValidationResult($"Dsar:OpenDsr: the PEM file {path} does not exist.");
        foreach (var (id, c) in Controllers)
            foreach (var error in c.Validate(id))
                yield return new ValidationResult(error);
    }
}
