using DsarEngine.Server.OpenDsr;
using Microsoft.Extensions.Hosting.Internal;

namespace DsarEngine.Server.Tests.OpenDsr;

// Bad OpenDSR settings stop the engine at start-up with a message that says what to fix.
public sealed class OpenDsrConfigurationTests
{
    [TestCase("Dsar:OpenDsr:Controllers:acme:Tenant", "shop",
        "Dsar:OpenDsr:Controllers:acme needs TokenSha256 (sha256 of its bearer token) or CertificatePath")]
    [TestCase("Dsar:OpenDsr:Controllers:acme:TokenSha256", "abc", "Dsar:OpenDsr:Controllers:acme:TokenSha256 must be 64 hex digits")]
    [TestCase("Dsar:OpenDsr:SigningKeyPath", "/nowhere/key.pem", "Dsar:OpenDsr: the PEM file /nowhere/key.pem does not exist.")]
    [TestCase("Dsar:OpenDsr:CallbackTimeoutSeconds", "0", "Dsar:OpenDsr:CallbackTimeoutSeconds must be between 1 and 300.")]
    public async Task A_bad_opendsr_setting_stops_start_up_with_a_precise_message(string key, string value, string message)
    {
        var engine = new EngineFactory("Host=127.0.0.1;Database=unused", new Dictionary<string, string?> { [key] = value });
        var error = Assert.Catch(() => _ = engine.Server);
        Assert.That(error!.ToString(), Does.Contain(message));
        await engine.DisposeAsync();
    }

    [TestCase("Production", true, false)]
    [TestCase("Development", true, true)]
    [TestCase("Production", false, true)]
    public void A_self_signed_certificate_is_refused_in_production_only(string environment, bool selfSigned, bool accepted)
    {
        var validation = new OpenDsrEnvironmentValidation(new HostingEnvironment { EnvironmentName = environment });
        var result = validation.Validate(null, new OpenDsrOptions { SelfSigned = selfSigned });
        Assert.That(result.Succeeded, Is.EqualTo(accepted), result.FailureMessage);
        if (!accepted)
            Assert.That(result.FailureMessage, Does.Contain("OpenDSR forbids self-signed certificates (§ 4.1)"));
    }
}
