using System.Security.Cryptography;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Connectors;
using DsarEngine.Server.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Connectors;

// An export whose files the engine must not take: a digest that does not match the bytes, a file larger than the engine
// accepts, a media type outside ExportFileRules, a name with a path in it. Each is refused with a code a person can act on,
// and leaves nothing behind: the document and every file of that export are gone from the store, the task holds no export.
public sealed class ExportFileRefusalTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static ExportDocument WithPhoto(string connector) => ExportingConnector.Sample(connector, 2) with
    {
        Files = [new ExportedFile("photo.png", "image/png", [1, 2, 3, 4, 5, 6, 7, 8])],
    };

    private static ExportManifest FirstFile(ExportManifest manifest, Func<ExportFileManifest, ExportFileManifest> change) =>
        manifest with { Files = [change(manifest.Files[0]), .. manifest.Files.Skip(1)] };

    private static readonly string WrongDigest = Convert.ToHexStringLower(SHA256.HashData("not the photo"u8));

    [Test]
    public async Task A_file_whose_digest_does_not_match_its_bytes_is_refused_and_its_export_deleted() =>
        await AssertRefusedAsync(m => FirstFile(m, f => f with { Sha256 = WrongDigest }), "export-file-corrupt", "retrying");

    [Test]
    public async Task A_file_larger_than_the_engine_accepts_is_refused_and_its_export_deleted()
    {
        var max = Engine.Services.GetRequiredService<ExportLimits>().MaxBytes;
        await AssertRefusedAsync(m => FirstFile(m, f => f with { Bytes = max + 1 }), "export-too-large", "failed");
    }

    [TestCase("application/x-msdownload")]
    [TestCase("application/octet-stream")]
    [TestCase("IMAGE/PNG; charset=x")]
    public async Task A_file_of_a_media_type_outside_the_rules_is_refused_and_its_export_deleted(string mediaType) =>
        await AssertRefusedAsync(m => FirstFile(m, f => f with { MediaType = mediaType }), "export-file-refused", "failed");

    [TestCase("../../etc/passwd")]
    [TestCase("photos/me.png")]
    [TestCase("..\\me.png")]
    [TestCase("C:me.png")]
    [TestCase(".htaccess")]
    [TestCase("photo\u202Egnp.exe")]
    [TestCase("  ")]
    public async Task A_file_name_with_a_path_trick_is_refused_and_its_export_deleted(string name) =>
        await AssertRefusedAsync(m => FirstFile(m, f => f with { Name = name }), "export-file-refused", "failed");

    [Test]
    public async Task A_file_that_reuses_the_documents_id_is_refused() =>
        await AssertRefusedAsync(m => FirstFile(m, f => f with { FileId = m.ExportId }), "export-file-refused", "failed");

    private static async Task AssertRefusedAsync(Func<ExportManifest, ExportManifest> tamper, string code, string status)
    {
        await using var connector = await ExportingConnector.StartAsync($"refuse-{Guid.NewGuid():N}"[..14]);
        connector.Document = task => WithPhoto(task.Connector);
        connector.Manifest = tamper;
        var tenant = await TestTenant.CreateAsync(Engine);
        await connector.ServeAsync(tenant.Slug);
        await RequestDriver.RegisterAsync(tenant.Staff(Engine, "admin"), connector.Name, new { actions = new[] { "export" } });
        var staff = tenant.Staff(Engine, "privacy-officer");
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "access");
        await RequestDriver.ToFanOutAsync(staff, reference);
        var view = await TestData.Workflows.WaitForAsync(staff, reference,
            v => (string?)RequestDriver.Task(v, connector.Name)["status"] is "failed" or "retrying", "the refusal");
        var task = RequestDriver.Task(view, connector.Name);
        ExportManifest sent;
        lock (connector.Sent)
            sent = connector.Sent[0];
        Guid[] ids = [sent.ExportId, .. sent.Files.Select(f => f.FileId)];
        var left = await Rows.ScalarAsync<long>(Engine, "SELECT count(*) FROM connector_exports WHERE export_id = ANY(@ids)", new { ids });
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)task["status"], Is.EqualTo(status));
            Assert.That((string?)task["detail"], Does.StartWith(code));
            Assert.That((string?)task["detail"], Does.Not.Contain("photo"), "the reason names the file by position, never by name");
            Assert.That(task["export"], Is.Null, "the task holds no export");
            Assert.That(left, Is.Zero, "no chunk of the refused export is kept");
        }
    }
}
