using System.ComponentModel.DataAnnotations;
using System.Net;

namespace DsarEngine.Server.Platform;

// Dsar:Network — what the engine believes about the network in front of it.
internal sealed class NetworkOptions : IValidatableObject
{
    public const string SectionName = "Dsar:Network";

    // Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed, by address (default none: the headers
    // are ignored, and the client is the TCP peer). Anyone else can write those headers, so only list your own proxies.
    public string[] KnownProxies { get; set; } = [];

    // The same, as CIDR ranges, e.g. "10.0.0.0/8" or "fd00::/8" (default none).
    public string[] KnownNetworks { get; set; } = [];

    // How many trusted proxies in a chain are unwrapped (default 1); each of them must be listed above.
    [Range(1, 10, ErrorMessage = "Dsar:Network:ForwardLimit must be between 1 and 10.")]
    public int ForwardLimit { get; set; } = 1;

    // The largest request body the server reads on any endpoint (default 1 MiB). The few endpoints that take large
    // bodies (a connector's result callback, a manual task completion with its export) raise it for themselves only.
    [Range(65_536, 268_435_456, ErrorMessage = "Dsar:Network:MaxRequestBodyBytes must be between 65536 (64 KiB) and 268435456 (256 MiB).")]
    public long MaxRequestBodyBytes { get; set; } = 1_048_576;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
            yield return new ValidationResult($"Dsar:Network:KnownProxies: '{proxy}' is not an IP address.", [nameof(KnownProxies)]);
        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
            yield return new ValidationResult(
                $"Dsar:Network:KnownNetworks: '{network}' is not a CIDR range (e.g. 10.0.0.0/8, fd00::/8).", [nameof(KnownNetworks)]);
    }
}
