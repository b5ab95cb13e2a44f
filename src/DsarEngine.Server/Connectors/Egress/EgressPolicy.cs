using System.Net;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Connectors.Egress;

// One rule for every URL the engine is given from outside. Refusal() is the early check (registration, OpenDSR intake,
// before each request): scheme, user info, and addresses written into the URL. The address a name resolves to is only
// known when connecting, so EgressConnector checks it there, on every connection (DNS rebinding cannot slip past).
// Refusals are worded for a tenant or a controller: they name no setting and no resolved address.
internal sealed class EgressPolicy(IOptions<EgressOptions> options, IHostEnvironment environment)
{
    private readonly IReadOnlyList<IPNetwork> allowed = options.Value.Networks();

    public bool HttpAllowed { get; } = options.Value.AllowHttp || environment.IsDevelopment();

    public string? Refusal(Uri url)
    {
        if (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http"))
            return "Only https URLs are called.";
        if (url.Scheme == "http" && !HttpAllowed)
            return "Only https URLs are called: this engine does not send anything over plain http.";
        if (url.UserInfo.Length > 0)
            return "A user name or password in the URL is not accepted.";
        var host = url.IdnHost.Trim('[', ']').TrimEnd('.');
        // RFC 6761 § 6.3: localhost and every name under it are the loopback address, whatever DNS says.
        var address = IPAddress.TryParse(host, out var literal) ? literal
            : host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : null;
        return address is not null && Kind(address) is { } kind
            ? $"The engine does not call {kind} addresses unless its operator allows that network."
            : null;
    }

    // Null when the engine may connect to the address; otherwise the kind of internal address it is.
    public string? Kind(IPAddress address)
    {
        var carried = InternalNetworks.Carried(address);
        if (allowed.Any(n => n.Contains(address) || (carried is not null && n.Contains(carried))))
            return null;
        return InternalNetworks.Kind(address);
    }
}
