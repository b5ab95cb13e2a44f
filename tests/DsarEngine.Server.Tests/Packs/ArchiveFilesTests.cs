using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using DsarEngine.Connectors;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Connectors;
using DsarEngine.Server.Packs;
using DsarEngine.Workflows.Packs;
using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.Tests.Packs;

// The files of an export in the archive (files/<system>/<name>, digests in the manifest), and the checks that keep a
// file's name one name in one folder.
public sealed class ArchiveFilesTests
{
    private static byte[] Document(string system) =>
        JsonSerializer.SerializeToUtf8Bytes(new ExportDocument("crm", system, []), ExportUpload.Json);

    private static (ExportFileRef, byte[]) File(string name, byte[] bytes, bool others = false) =>
        (new ExportFileRef(Guid.NewGuid(), name, "image/png", bytes.Length, "", null)
        {
            Scope = new PortabilityScope.Facts(null, null, null, others),
        }, bytes);

    [Test]
    public void Files_go_under_their_systems_folder_byte_for_byte_and_a_second_file_of_the_same_name_gets_its_own()
    {
        byte[] one = [1, 2, 3], two = [4, 5, 6], three = [7, 8, 9];
        var zip = PortabilityArchive.BuildCopy("%PDF-1.7"u8.ToArray(),
        [
            new PackExport(Document("Sales CRM"), [File("photo.png", one), File("Photo.png", two)]),
            new PackExport(Document("Phone"), [File("photo.png", three)]),
        ]);
        var files = AccessCopyTests.Files(zip);
        var manifest = JsonNode.Parse(files["manifest.json"])!["files"]!.AsArray()
            .ToDictionary(f => (string)f!["path"]!, f => (string)f!["sha256"]!);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(files.Keys, Is.EquivalentTo(new[]
            {
                "letter.pdf", "files/sales-crm/photo.png", "files/sales-crm/Photo-2.png", "files/phone/photo.png", "manifest.json",
            }));
            Assert.That(files["files/sales-crm/photo.png"], Is.EqualTo(one));
            Assert.That(files["files/sales-crm/Photo-2.png"], Is.EqualTo(two));
            Assert.That(files["files/phone/photo.png"], Is.EqualTo(three));
            Assert.That(manifest["files/phone/photo.png"], Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(three))));
        }
    }

    [Test]
    public void An_archive_holds_only_the_files_it_is_told_to_keep()
    {
        var zip = PortabilityArchive.BuildCopy("%PDF-1.7"u8.ToArray(),
            [new PackExport(Document("CRM"), [File("photo.png", [1]), File("call.wav", [2], others: true)])],
            keepFile: f => f.Scope.ConcernsOthers != true);
        Assert.That(AccessCopyTests.Files(zip).Keys, Is.EquivalentTo(new[] { "letter.pdf", "files/crm/photo.png", "manifest.json" }));
    }

    [Test]
    public void A_name_that_still_holds_a_path_stays_one_file_in_its_folder()
    {
        var paths = new ArchivePaths();
        var folder = paths.Folder("CRM");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(paths.File(folder, "../../etc/passwd"), Is.EqualTo("files/crm/-..-etc-passwd"));
            Assert.That(paths.File(folder, ".."), Is.EqualTo("files/crm/file"));
            Assert.That(paths.File(folder, "a\\b:c.png"), Is.EqualTo("files/crm/a-b-c.png"));
        }
    }

    [TestCase("photo.png", true)]
    [TestCase("Аня на выставке 2026.jpg", true)]
    [TestCase("../photo.png", false)]
    [TestCase("photos/photo.png", false)]
    [TestCase("photos\\photo.png", false)]
    [TestCase("C:photo.png", false)]
    [TestCase(".photo.png", false)]
    [TestCase("photo.png.", false)]
    [TestCase("photo\u202Egnp.exe", false)]
    [TestCase("photo\n.png", false)]
    [TestCase("", false)]
    public void A_file_name_is_accepted_only_as_one_plain_name(string name, bool accepted) =>
        Assert.That(ExportFileRules.NameProblem(name), accepted ? Is.Null : Is.Not.Null);

    [Test]
    public void The_engine_refuses_a_manifest_whose_files_break_a_rule_and_names_the_file_by_position_only()
    {
        var limits = new ExportLimits(1024 * 1024);
        ExportFileManifest Good(string name) =>
            new(Guid.NewGuid(), name, "audio/wav", 1, 100, Convert.ToHexStringLower(SHA256.HashData("x"u8)));
        var document = new ExportManifest(Guid.NewGuid(), 1, 100, new string('a', 64), 1, ["x"]);
        var ok = document with { Files = [Good("call.wav"), Good("photo.png")] };
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ExportFileChecks.Refusal(ok, limits), Is.Null);
            Assert.That(ExportFileChecks.Refusal(ok with { Files = [Good("call.wav") with { MediaType = "application/zip" }] }, limits)
                ?.Code, Is.EqualTo(ExportFileChecks.Refused));
            Assert.That(ExportFileChecks.Refusal(ok with { Files = [Good("call.wav") with { Sha256 = "xyz" }] }, limits)?.Code,
                Is.EqualTo(ExportFileChecks.Refused));
            Assert.That(ExportFileChecks.Refusal(ok with { Files = [Good("a.wav") with { Bytes = 1024 * 1024 }] }, limits)?.Code,
                Is.EqualTo(ExportFileChecks.TooLarge), "the document and its files together are over the limit");
            Assert.That(ExportFileChecks.Refusal(ok with { Files = [.. Enumerable.Range(0, 101).Select(i => Good($"{i}.wav"))] },
                limits)?.Code, Is.EqualTo(ExportFileChecks.Refused));
            Assert.That(ExportFileChecks.Refusal(ok with { Files = [Good("x.wav"), Good("../secret-jane.wav")] }, limits)?.Reason,
                Does.StartWith("File 2 of 2").And.Not.Contain("jane"));
        }
    }
}
