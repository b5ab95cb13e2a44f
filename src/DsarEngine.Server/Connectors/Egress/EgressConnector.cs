using System.Net;
using System.Net.Sockets;

namespace DsarEngine.Server.Connectors.Egress;

// SocketsHttpHandler.ConnectCallback of every outbound client: resolve the name, check every address it resolves to,
// and connect to a checked address, never to the name. A name that answers a public address at registration and a
// private one later is refused when it matters, at connect time.
internal sealed class EgressConnector(EgressPolicy policy, ILogger<EgressConnector> log)
{
    public ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct) =>
        ConnectAsync(context.DnsEndPoint, ct);

    public async ValueTask<Stream> ConnectAsync(DnsEndPoint target, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(target.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(target.Host, ct);
        foreach (var address in addresses)
            if (policy.Kind(address) is { } kind)
            {
                // The operator's log names the address; the tenant only ever sees the neutral code.
                log.LogWarning(
                    "Refused an outbound connection to {Address} ({Kind}); allow the network in Dsar:Egress:AllowedNetworks if it is meant",
                    address, kind);
                throw new EgressRefusedException($"Refused to connect to a {kind} address.");
            }
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, target.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }
}
