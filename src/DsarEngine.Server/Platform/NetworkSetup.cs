using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Platform;

// The network in front of the engine (Dsar:Network): who the client is, and how much it may send.
// Behind a reverse proxy every client arrives from the proxy's address, so rate limits would put all subjects in one
// bucket. The proxy's X-Forwarded-For names the real client, but anyone can send that header: it is believed only
// from the proxies the operator lists, and it is applied (UseForwardedHeaders, first) before anything reads the address.
internal static class NetworkSetup
{
    public static IServiceCollection AddDsarNetwork(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<NetworkOptions>>((forwarded, network) =>
        {
            // Not X-Forwarded-Host: the Host header feeds signed OpenDSR discovery documents.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = network.Value.ForwardLimit;
            // The framework trusts loopback by default; the engine trusts nobody it was not told about.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in network.Value.KnownProxies)
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var range in network.Value.KnownNetworks)
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(range));
        });
        // Bodies are bounded by the server before any endpoint reads them; see BodyLimits for the exceptions.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<NetworkOptions>>((kestrel, network) =>
            kestrel.Limits.MaxRequestBodySize = network.Value.MaxRequestBodyBytes);
        // Where an endpoint reads its body the framework's way (a form), the server's refusal surfaces as an exception:
        // it is the client's error (413, or 400 for a malformed body), answered as a problem and not logged as a failure.
        services.Configure<ExceptionHandlerOptions>(o =>
        {
            o.StatusCodeSelector = ex =>
                ex is Microsoft.AspNetCore.Http.BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            o.SuppressDiagnosticsCallback = context => context.Exception is Microsoft.AspNetCore.Http.BadHttpRequestException;
        });
        return services;
    }
}
