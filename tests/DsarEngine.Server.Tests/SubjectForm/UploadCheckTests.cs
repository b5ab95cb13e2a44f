using DsarEngine.Server.Uploads;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Tests.SubjectForm;

// The type of a document is what its bytes show; the declared type and the name can only refuse it.
public sealed class UploadCheckTests
{
    internal static readonly byte[] Pdf = [.. "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n%%EOF\n"u8];
    internal static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    internal static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0];
    internal static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF];

    private static UploadCheck Check(int maxBytes = 1024, int maxFiles = 2) =>
        new(Options.Create(new UploadOptions { MaxBytes = maxBytes, MaxFiles = maxFiles }));

    private static IncomingFile File(int position, string name, string? type, byte[] content) =>
        new(position, "supporting", name, type, content);

    [Test]
    public void Pdf_png_and_jpeg_are_recognised_by_their_bytes_whatever_the_browser_declared()
    {
        var (files, refusals) = Check(maxFiles: 3).Check(
            [File(1, "a.pdf", "application/pdf", Pdf), File(2, "scan", "application/octet-stream", Png), File(3, "b.jpg", null, Jpeg)]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusals, Is.Empty);
            Assert.That(files.Select(f => f.MediaType), Is.EqualTo(new[] { "application/pdf", "image/png", "image/jpeg" }));
        }
    }

    [Test]
    public void A_pdf_named_file_holding_a_png_is_refused_by_its_position()
    {
        var (files, refusals) = Check().Check([File(1, "ok.pdf", "application/pdf", Pdf), File(2, "id.pdf", "application/pdf", Png)]);
        Assert.That((files, refusals), Is.EqualTo((Array.Empty<CheckedFile>(), new[] { new UploadRefusal(2, UploadRules.TypeMismatch) }))
            .Using<(IReadOnlyList<CheckedFile>, IReadOnlyList<UploadRefusal>)>((a, b) =>
                a.Item1.Count == b.Item1.Count && a.Item2.SequenceEqual(b.Item2)));
    }

    [Test]
    public void An_executable_is_refused_even_when_it_says_it_is_a_pdf()
    {
        var (_, refusals) = Check().Check([File(1, "invoice.pdf", "application/pdf", Exe)]);
        Assert.That(refusals, Is.EqualTo(new[] { new UploadRefusal(1, UploadRules.Type) }));
    }

    [Test]
    public void Size_and_count_limits_name_the_rule()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Check(maxBytes: 1024).Check([File(1, "big.pdf", null, [.. Pdf, .. new byte[1024]])]).Refusals,
                Is.EqualTo(new[] { new UploadRefusal(1, UploadRules.TooLarge) }));
            Assert.That(Check(maxFiles: 1).Check([File(1, "a.pdf", null, Pdf), File(2, "b.pdf", null, Pdf)]).Refusals,
                Is.EqualTo(new[] { new UploadRefusal(2, UploadRules.TooMany) }));
            Assert.That(Check().Check([File(1, "empty.pdf", null, [])]).Refusals,
                Is.EqualTo(new[] { new UploadRefusal(1, UploadRules.Empty) }));
        }
    }

    [Test]
    public void A_file_name_keeps_no_path_or_control_characters()
    {
        var (files, _) = Check().Check([File(1, "..\\..\\etc/pass\u0007port.png", "image/png", Png)]);
        Assert.That(files.Single().FileName, Is.EqualTo("passport.png"));
    }
}
