using System.Net;
using System.Net.Sockets;

namespace DsarEngine.Server.Platform;

// The rate-limit key of a client: its IPv4 address, or the /64 prefix of its IPv6 address. One IPv6 subscriber
// usually holds a whole /64 (RFC 6177) and can use a fresh address for every request, so a /128 bucket limits nothing.
internal static class ClientAddress
{
    public static string Key(IPAddress? address)
    {
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var prefix = address.GetAddressBytes().AsSpan(0, 8);
        return $"{Convert.ToHexStringLower(prefix)}/64";
    }
}
