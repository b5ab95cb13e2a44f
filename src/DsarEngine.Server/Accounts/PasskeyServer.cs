using DsarEngine.Server.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Accounts;

// Who the engine is to a passkey (WebAuthn's relying party): the host of Dsar:Intake:PublicBaseUrl, the address people
// reach it at, never the Host header of a request (which a client chooses). A passkey made for that host signs only
// challenges from pages of that exact origin.
internal static class PasskeyServer
{
    // Browsers accept a domain name as the relying party id, not an IP address: behind 127.0.0.1 the inbox offers no
    // passkeys: set Dsar:Intake:PublicBaseUrl to http://localhost:<port> (not 127.0.0.1) to try them on one machine.
    public static bool Available(IntakeOptions intake) =>
        Uri.TryCreate(intake.PublicBaseUrl, UriKind.Absolute, out var url) && Uri.CheckHostName(url.Host) == UriHostNameType.Dns;

    public static string Origin(Uri url) => url.GetLeftPart(UriPartial.Authority);
}

internal sealed class ConfigurePasskeys(IOptions<IntakeOptions> intake) : IConfigureOptions<IdentityPasskeyOptions>
{
    public void Configure(IdentityPasskeyOptions options)
    {
        var url = new Uri(intake.Value.PublicBaseUrl);
        var origin = PasskeyServer.Origin(url);
        options.ServerDomain = url.Host;
        options.ValidateOrigin = context => ValueTask.FromResult(
            !context.CrossOrigin && string.Equals(context.Origin, origin, StringComparison.OrdinalIgnoreCase));
        // Discoverable credentials: "Sign in with a passkey" asks for no name first. The person is verified on the device
        // (PIN, fingerprint), so a passkey alone is two factors (NIST SP 800-63B, multi-factor cryptographic authenticator).
        options.ResidentKeyRequirement = "required";
        options.UserVerificationRequirement = "required";
    }
}

// Checked when the host starts, with the other settings: a passkey needs a secure context, so the public URL is https,
// or plain http only on this machine (localhost, a loopback address), where browsers treat it as secure.
internal sealed class ValidatePasskeyOrigin : IValidateOptions<IntakeOptions>
{
    public ValidateOptionsResult Validate(string? name, IntakeOptions options)
    {
        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var url))
            return ValidateOptionsResult.Skip; // [Url] reports it
        return url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Dsar:Intake:PublicBaseUrl must be an https:// URL: the inbox's passkeys need a secure " +
                "context (plain http is allowed only on localhost or a loopback address).");
    }
}
