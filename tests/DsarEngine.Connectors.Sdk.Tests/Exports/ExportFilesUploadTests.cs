using System.Security.Cryptography;
using System.Text;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Connectors.Sdk.Tests.Hosting;

namespace DsarEngine.Connectors.Sdk.Tests.Exports;

// GDPR Art. 15(3): a connector's files travel as the document does, each cut into chunks under its own id and described
// in the manifest with its size and SHA-256; the document's JSON never carries them.
public sealed class ExportFilesUploadTests
{
    private static readonly byte[] Recording = [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 7))];

    private static ExportDocument WithFiles(params ExportedFile[] files) =>
        new("crm", "CRM", [new ExportedCategory("notes", [new Dictionary<string, string?> { ["body"] = "hello" }])]) { Files = files };

    [Test]
    public void Each_file_is_cut_under_its_own_id_and_its_chunks_rebuild_it_byte_for_byte()
    {
        var document = WithFiles(
            new ExportedFile("call.wav", "audio/wav", Recording) { ConcernsOthers = true, LegalBasis = "legitimate-interests" },
            new ExportedFile("photo.png", "image/png", [1, 2, 3]));
        var (manifest, chunks) = ExportUpload.Prepare(Commands.Task("crm"), document, 1024);
        var call = manifest.Files[0];
        var rebuilt = chunks.Where(c => c.ExportId == call.FileId).OrderBy(c => c.Sequence).SelectMany(c => c.Data).ToArray();
        var json = Encoding.UTF8.GetString([.. chunks.Where(c => c.ExportId == manifest.ExportId).SelectMany(c => c.Data)]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(manifest.Files.Select(f => f.Name), Is.EqualTo(new[] { "call.wav", "photo.png" }));
            Assert.That(manifest.Files.Select(f => f.FileId), Is.Unique);
            Assert.That(manifest.Files.Select(f => f.FileId), Has.None.EqualTo(manifest.ExportId));
            Assert.That(call.Chunks, Is.EqualTo(5), "5000 bytes in chunks of 1024");
            Assert.That(rebuilt, Is.EqualTo(Recording));
            Assert.That(call.Sha256, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(Recording))));
            Assert.That((call.Bytes, call.MediaType, call.ConcernsOthers, call.LegalBasis),
                Is.EqualTo((5000L, "audio/wav", true, "legitimate-interests")));
            Assert.That(chunks.Count(c => c.ExportId == manifest.ExportId), Is.EqualTo(manifest.Chunks));
            Assert.That(json, Does.Not.Contain("call.wav").And.Not.Contain("files"), "the document's JSON holds records only");
        }
    }

    [TestCase("../call.wav", "audio/wav")]
    [TestCase("calls/call.wav", "audio/wav")]
    [TestCase("call.exe", "application/x-msdownload")]
    public void A_file_the_engine_would_refuse_is_refused_before_anything_is_sent(string name, string mediaType) =>
        Assert.That(() => ExportUpload.Prepare(Commands.Task("crm"), WithFiles(new ExportedFile(name, mediaType, [1]))),
            Throws.ArgumentException.With.Message.StartsWith("File 0:"));
}
