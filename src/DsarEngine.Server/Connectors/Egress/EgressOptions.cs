using System.ComponentModel.DataAnnotations;
using System.Net;

namespace DsarEngine.Server.Connectors.Egress;

// Dsar:Egress — where the engine may connect when a tenant, a controller or a connector gives it a URL (HTTP connector
// endpoints, OpenDSR processors, status URLs, status_callback_urls). The defaults are the safe ones: https only (plain
// http also in Development), and never loopback, link-local, private, CGNAT, multicast or unspecified addresses.
internal sealed class EgressOptions : IValidatableObject
{
    public const string SectionName = "Dsar:Egress";

    // Plain http outside Development (default false). The demo and the tests talk to services on 127.0.0.1 over http.
    public bool AllowHttp { get; set; }

    // Networks in CIDR form that may be reached although they are internal (default none), e.g. "10.20.0.0/16" for
    // an on-premises connector, or "127.0.0.0/8" and "::1/128" for services on the engine's own host.
    public string[] AllowedNetworks { get; set; } = [];

    public IReadOnlyList<IPNetwork> Networks() => [.. AllowedNetworks.Select(n => IPNetwork.Parse(n.Trim()))];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < AllowedNetworks.Length; i++)
            if (!IsNetwork(AllowedNetworks[i].Trim()))
                yield return new ValidationResult(
                    $"Dsar:Egress:AllowedNetworks:{i} ('{AllowedNetworks[i]}') is not a network in CIDR form with no host bits set, " +
                    $"such as 10.20.0.0/16 or fd00::/8.",
                    [nameof(AllowedNetworks)]);
    }

    // Host bits set (10.0.0.1/8) would be masked silently; refused, since the operator may have meant one address.
    private static bool IsNetwork(string cidr) => cidr.Split('/') is [var address, _] && IPAddress.TryParse(address, out var given)
        && IPNetwork.TryParse(cidr, out var network) && network.BaseAddress.Equals(given);
}
