using System.IO.Compression;
using System.Text;
using DsarEngine.Connectors.Contracts;

namespace DsarEngine.Samples.CrmConnector;

// The CRM's file store (the seed's "photos ... uploaded to client records" and its PBX's call recordings): a contact's
// photo and a recorded call. A real CRM reads them from its object storage; the sample draws them from the customer id, so
// the same customer always has the same bytes and an erased customer has none (the export finds no customer).
public static class CrmMedia
{
    public static IReadOnlyList<ExportedFile> For(string customerId) =>
    [
        // Uploaded by the customer to their client record, held under the customer contract: portable (GDPR Art. 20(1)).
        new ExportedFile("contact-photo.png", "image/png", Photo(customerId))
        {
            Category = "photos", LegalBasis = "contract", Origin = "provided",
        },
        // A recorded support call: the agent's voice is in it too, so a portability answer leaves it out (Art. 20(4)); the
        // access copy holds it (Art. 15(3)).
        new ExportedFile("call-recording-1.wav", "audio/wav", CallRecording(customerId))
        {
            Category = "call-recordings", LegalBasis = "legitimate-interests", Origin = "observed", ConcernsOthers = true,
        },
    ];

    // A 16 × 16 PNG in one colour drawn from the id.
    public static byte[] Photo(string customerId)
    {
        var seed = Seed(customerId);
        var (r, g, b) = ((byte)seed, (byte)(seed >> 8), (byte)(seed >> 16));
        using var raw = new MemoryStream();
        for (var y = 0; y < 16; y++)
        {
            raw.WriteByte(0); // no filter
            for (var x = 0; x < 16; x++)
                raw.Write([r, g, b]);
        }
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", [0, 0, 0, 16, 0, 0, 0, 16, 8, 2, 0, 0, 0]);
        using (var packed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true))
                zlib.Write(raw.ToArray());
            Chunk(png, "IDAT", packed.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    // Half a second of a tone (8 kHz, 8-bit mono PCM WAV) whose pitch is drawn from the id.
    public static byte[] CallRecording(string customerId)
    {
        const int rate = 8000, samples = rate / 2;
        var pitch = 300 + (int)(Seed(customerId) % 500);
        using var wav = new MemoryStream();
        using (var w = new BinaryWriter(wav, Encoding.ASCII, leaveOpen: true))
        {
            w.Write("RIFF"u8); w.Write(36 + samples); w.Write("WAVE"u8);
            w.Write("fmt "u8); w.Write(16); w.Write((short)1); w.Write((short)1); w.Write(rate); w.Write(rate); w.Write((short)1);
            w.Write((short)8);
            w.Write("data"u8); w.Write(samples);
            for (var i = 0; i < samples; i++)
                w.Write((byte)(128 + 100 * Math.Sin(2 * Math.PI * pitch * i / rate)));
        }
        return wav.ToArray();
    }

    private static uint Seed(string customerId) => Crc32(Encoding.UTF8.GetBytes(customerId));

    private static void Chunk(Stream png, string type, byte[] data)
    {
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(BigEndian((uint)data.Length));
        png.Write(typed);
        png.Write(BigEndian(Crc32(typed)));
    }

    private static byte[] BigEndian(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    // CRC-32 (ISO 3309), as PNG chunks need: the shared framework has none (System.IO.Hashing is a package).
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
