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

    public OpenDsrSigner(IOptions<OpenDsrOptions> options, ILogger<OpenDsrSigner> log)
    {
        var o = options.Value;
        if (o.CertificatePath is not null && o.KeyPath is not null)
        {
            key = RSA.Create();
            key.ImportFromPem(File.ReadAllText(o.KeyPath));
            CertificatePem = File.ReadAllText(o.CertificatePath);
        }
        else if (o.SelfSigned)
        {
            key = RSA.Create(2048);
            var request = new CertificateRequest($"CN={o.Domain}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddYears(1));
            CertificatePem = certificate.ExportCertificatePem();
            log.LogWarning("OpenDSR signs with a self-signed certificate made at start-up: for development only (Dsar:OpenDsr:SelfSigned)");
        }
    }

    public bool Enabled => key is not null;

    public string Sign(byte[] body) => Convert.ToBase64String(key!.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public static bool Verify(string certificatePem, byte[] body, string? signature)
    {
        if (string.IsNullOrWhiteSpace(signature))
            return false;
        try
        {
            using var certificate = X509Certificate2.CreateFromPem(certificatePem);
            using var rsa = certificate.GetRSAPublicKey();
            return rsa is not null && rsa.VerifyData(body, Convert.FromBase64String(signature.Replace("\n", "", StringComparison.Ordinal)),
                HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return false;
        }
    }

    public void Dispose() => key?.Dispose();
}
