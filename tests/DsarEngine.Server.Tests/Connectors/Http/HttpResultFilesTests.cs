using System.Security.Cryptography;
using DsarEngine.Connectors;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Connectors.Http;

namespace DsarEngine.Server.Tests.Connectors.Http;

// GDPR Art. 15(3) over HTTP: an HTTP connector's files, sent inline in its answer, go on as a bus connector's do (own
// chunks, described in the manifest); a callback replayed names the same chunks; a file that breaks a rule fails the task.
public sealed class HttpResultFilesTests
{
    private static readonly TaskReference Task = new(Guid.NewGuid(), Guid.NewGuid(), "acme", "newsletter", "export", "key", 1);

    private static readonly byte[] Recording = [.. Enumerable.Range(0, 300_000).Select(i => (byte)i)];

    private static HttpTaskResult Result(params ExportedFile[] files) => new(Task, TaskOutcomes.Done, "1 record", [], [],
        new ExportDocument("newsletter", "Newsletter", [new ExportedCategory("subscriber", [new Dictionary<string, string?>()])]), null)
    {
        Files = files,
    };

    [Test]
    public void Inline_files_travel_as_their_own_chunks_and_a_replayed_callback_names_the_same_ones()
    {
        var result = Result(new ExportedFile("call.wav", "audio/wav", Recording));
        var id = Guid.NewGuid();
        var (chunks, reply) = HttpResultPublisher.Replies(Task, result, id);
        var (again, _) = HttpResultPublisher.Replies(Task, result, id);
        var manifest = ((ConnectorTaskCompleted)reply).Export!;
        var file = manifest.Files.Single();
        var bytes = chunks.Where(c => c.ExportId == file.FileId).OrderBy(c => c.Sequence).SelectMany(c => c.Data).ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(manifest.ExportId, Is.EqualTo(id));
            Assert.That(file.FileId, Is.Not.EqualTo(id));
            Assert.That(bytes, Is.EqualTo(Recording));
            Assert.That(file.Sha256, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(Recording))));
            Assert.That(again.Select(c => (c.ExportId, c.Sequence)), Is.EqualTo(chunks.Select(c => (c.ExportId, c.Sequence))));
        }
    }

    [TestCase("../call.wav", "audio/wav")]
    [TestCase("call.wav", "application/octet-stream")]
    public void A_file_that_breaks_a_rule_fails_the_task_and_sends_no_chunk(string name, string mediaType)
    {
        var (chunks, reply) = HttpResultPublisher.Replies(Task, Result(new ExportedFile(name, mediaType, [1])), Guid.NewGuid());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(chunks, Is.Empty);
            Assert.That(reply, Is.TypeOf<ConnectorTaskFailed>());
            Assert.That(((ConnectorTaskFailed)reply).Code, Is.EqualTo("export-file-refused"));
            Assert.That(((ConnectorTaskFailed)reply).Reason, Does.StartWith("File 1 of 1").And.Not.Contain("call"));
        }
    }
}
