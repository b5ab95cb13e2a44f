using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace DsarEngine.Workflows.Journal;

// Hash-chains journal entries: each hash covers the previous entry's hash, so editing or deleting any
// entry breaks every hash after it. This is what lets the journal serve as proof of compliance.
internal static class JournalChain
{
    public static readonly byte[] Genesis = new byte[32];

    public static JournalEntry Append(JournalEntry? previous, Guid tenantId, Guid requestId, DateTimeOffset at,
        string actor, string kind, string data)
    {
        var stored = Instants.Microseconds(at);
        var seq = (previous?.Seq ?? 0) + 1;
        var prevHash = previous?.Hash ?? Genesis;
        return new JournalEntry(tenantId, requestId, seq, stored, actor, kind, data, prevHash,
            Compute(prevHash, requestId, seq, stored, actor, kind, data));
    }

    public static byte[] Compute(byte[] prevHash, Guid requestId, int seq, DateTimeOffset at, string actor, string kind, string data)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> number = stackalloc byte[8];
        hash.AppendData(prevHash);
        hash.AppendData(requestId.ToByteArray());
        BinaryPrimitives.WriteInt64BigEndian(number, seq);
        hash.AppendData(number);
        BinaryPrimitives.WriteInt64BigEndian(number, at.UtcTicks);
        hash.AppendData(number);
        foreach (var text in (ReadOnlySpan<string>)[actor, kind, data])
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            BinaryPrimitives.WriteInt64BigEndian(number, bytes.Length); // length-prefixed: no ambiguous joins
            hash.AppendData(number);
            hash.AppendData(bytes);
        }
        return hash.GetHashAndReset();
    }

    // Returns the sequence number of the first entry that does not verify, or null when all do.
    public static int? FirstBroken(IReadOnlyList<JournalEntry> entries)
    {
        var prevHash = Genesis;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var expected = Compute(prevHash, e.RequestId, e.Seq, e.At, e.Actor, e.Kind, e.Data);
            if (e.Seq != i + 1 || !e.PrevHash.AsSpan().SequenceEqual(prevHash) || !e.Hash.AsSpan().SequenceEqual(expected))
                return i + 1;
            prevHash = e.Hash;
        }
        return null;
    }
}
