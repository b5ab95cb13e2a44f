using System.ComponentModel.DataAnnotations;

namespace DsarEngine.Server.OpenDsr;

// Dsar:OpenDsr — the engine as an OpenDSR processor (docs/opendsr.md). Off unless a signing identity is configured.
internal sealed class OpenDsrOptions : IValidatableObject
{
    public const string SectionName = "Dsar:OpenDsr";

    // The processor domain named in X-OpenDSR-Processor-Domain and keying the engine's extension object.
    public string Domain { get; set; } = "dsar.localhost";

    // PEM files of the CA-issued certificate and its RSA private key that sign responses and callbacks.
    public string? CertificatePath { get; set; }

    public string? KeyPath { get; set; }

    // Development only: sign with a self-signed certificate made at start-up (the specification forbids it in production).
    public bool SelfSigned { get; set; }

    // Controllers allowed to submit: id -> the tenant it submits to and the SHA-256 (hex) of its bearer token.
    public Dictionary<string, OpenDsrController> Controllers { get; set; } = [];

    // How often status changes are looked for and callbacks sent (default 5 s).
    [Range(50, 600000, ErrorMessage = "Dsar:OpenDsr:CallbackIntervalMilliseconds must be between 50 and 600000.")]
    public int CallbackIntervalMilliseconds { get; set; } = 5000;

    public bool Enabled => SelfSigned || (CertificatePath is not null && KeyPath is not null);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((CertificatePath is null) != (KeyPath is null))
            yield return new ValidationResult("Dsar:OpenDsr needs both CertificatePath and KeyPath (PEM), or neither.");
        foreach (var (id, c) in Controllers)
            if (string.IsNullOrWhiteSpace(c.Tenant) || c.TokenSha256 is not { Length: 64 } || !c.TokenSha256.All(Uri.IsHexDigit))
                yield return new ValidationResult($"Dsar:OpenDsr:Controllers:{id} needs Tenant (a slug) and TokenSha256 (64 hex digits: sha256 of the bearer token).");
    }
}

internal sealed class OpenDsrController
{
    public string Tenant { get; set; } = "";

    public string TokenSha256 { get; set; } = "";
}
