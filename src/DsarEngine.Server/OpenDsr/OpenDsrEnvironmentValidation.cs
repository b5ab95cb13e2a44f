using Microsoft.Extensions.Options;

namespace DsarEngine.Server.OpenDsr;

// OpenDSR § 4.1: "A self-signed certificate MUST NOT be used." Production refuses to start with one.
internal sealed class OpenDsrEnvironmentValidation(IHostEnvironment environment) : IValidateOptions<OpenDsrOptions>
{
    public ValidateOptionsResult Validate(string? name, OpenDsrOptions options)
    {
        if (!environment.IsProduction())
            return ValidateOptionsResult.Success;
        if (options.SelfSigned)
            return ValidateOptionsResult.Fail("Dsar:OpenDsr:SelfSigned is for development: OpenDSR forbids self-signed certificates " +
                "(§ 4.1). Configure SigningKeyPath and CertificatePath.");
        if (options.SigningKeyPath is { } key && options.CertificatePath is null && File.Exists(key)
            && !File.ReadAllText(key).Contains("BEGIN CERTIFICATE", StringComparison.Ordinal))
            return ValidateOptionsResult.Fail("Dsar:OpenDsr:SigningKeyPath has no certificate: add Dsar:OpenDsr:CertificatePath " +
                "(or the certificate to the same PEM file).");
        return ValidateOptionsResult.Success;
    }
}
