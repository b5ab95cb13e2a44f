using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.OpenDsr;

// Signs OpenDSR responses and callbacks: base64 RSA PKCS#1 v1.5 over SHA-256 of the exact body bytes (FIPS 186-4 RSA).
internal sealed class OpenDsrSigner : IDisposable
{
    public const string SignatureHeader = "X-OpenDSR-Signature";
    public const string DomainHeader = "X-OpenDSR-Processor-Domain";

    private readonly RSA? key;

    public string? CertificatePem { get; }

    public OpenDsrSigner(IOptions<OpenDsrOptions> options, IHostEnvironment environment, ILogger<OpenDsrSigner> log)
    {
        var o = options.Value;
        if (o.SigningKeyPath is null && !o.SelfSigned && !environment.IsDevelopment())
            return;
        key = RSA.Create(2048);
        if (o.SigningKeyPath is not null)
            key.ImportFromPem(File.ReadAllText(o.SigningKeyPath));
        var certificateText = o.CertificatePath is not null ? File.ReadAllText(o.CertificatePath)
            : o.SigningKeyPath is not null && File.ReadAllText(o.SigningKeyPath) is var pem
                && pem.Contains("BEGIN CERTIFICATE", StringComparison.Ordinal) ? pem : null;
        if (certificateText is not null)
        {
            using var certificate = X509Certificate2.CreateFromPem(certificateText);
            // Throws when the certificate is not the key's: a wrong pair must stop the host.
            using var _ = certificate.CopyWithPrivateKey(key);
            CertificatePem = certificate.ExportCertificatePem();
            return;
        }
        // No certificate: self-signed over the key (Production refuses this at start-up, OpenDsrEnvironmentValidation).
        var request = new CertificateRequest($"CN={o.Domain}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var selfSigned = request.CreateSelfSigned(
            TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddYears(1));
        CertificatePem = selfSigned.ExportCertificatePem();
        log.LogWarning(
            "OpenDSR signs with a self-signed certificate ({Key}): for development only; OpenDSR § 4.1 forbids it in production",
            o.SigningKeyPath is null ? "ephemeral key made at start-up" : "configured key");
    }

    public bool Enabled => key is not null;

    public string Sign(byte[] body) => Convert.ToBase64String(key!.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    // A signature made by the certificate's key over these exact bytes, by a certificate valid now.
    public static bool Verify(string certificatePem, byte[] body, string? signature, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(signature))
            return false;
        try
        {
            using var certificate = X509Certificate2.CreateFromPem(certificatePem);
            if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
                return false;
            using var rsa = certificate.GetRSAPublicKey();
            // The specification's examples fold the base64 over several lines; the folds are not part of the signature.
            var bytes = Convert.FromBase64String(string.Concat(signature.Where(c => !char.IsWhiteSpace(c))));
            return rsa is not null && rsa.VerifyData(body, bytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return false;
        }
    }

    public void Dispose() => key?.Dispose();
}
