using System.Security.Cryptography;
using System.Text;

namespace DsarEngine.Workflows.Runtime;

// Ids derived from what they identify (request, step, connector, attempt), so that re-running a step after a
// crash produces the same task and message ids and receivers can dedupe (RFC 9562 v8 layout).
internal static class DeterministicId
{
    public static Guid From(params string[] parts)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(hash[..16], bigEndian: true);
    }
}
