namespace DsarEngine.Server.OpenDsr;

// Dsar:OpenDsr:Controllers:<id> — a controller allowed to submit to one tenant. OpenDSR § 4.3 leaves authentication
// to the processor: a bearer token (only its SHA-256 is configured) or requests signed like the processor's answers.
internal sealed class OpenDsrController
{
    // The slug of the tenant whose requests this controller's submissions become.
    public string Tenant { get; set; } = "";

    // Hex SHA-256 of the controller's bearer token; the token itself is never stored.
    public string? TokenSha256 { get; set; }

    // PEM certificate of the controller's signing key: requests carry X-OpenDSR-Signature instead of a token.
    public string? CertificatePath { get; set; }

    public IEnumerable<string> Validate(string id)
    {
        if (string.IsNullOrWhiteSpace(Tenant))
            yield return $"Dsar:OpenDsr:Controllers:{id}:Tenant is required (the slug of the tenant it submits to).";
        if (TokenSha256 is null && CertificatePath is null)
            yield return $"Dsar:OpenDsr:Controllers:{id} needs TokenSha256 (sha256 of its bearer token) " +
                $"or CertificatePath (PEM of its signing certificate).";
        if (TokenSha256 is not null && (TokenSha256.Length != 64 || !TokenSha256.All(Uri.IsHexDigit)))
            yield return $"Dsar:OpenDsr:Controllers:{id}:TokenSha256 must be 64 hex digits (sha256 of the bearer token).";
        if (CertificatePath is not null && !File.Exists(CertificatePath))
            yield return $"Dsar:OpenDsr:Controllers:{id}:CertificatePath: the PEM file {CertificatePath} does not exist.";
    }
}
