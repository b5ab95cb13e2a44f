using System.Diagnostics;

namespace DsarEngine.Server.Tests.Packs;

// Reads a PDF the way an auditor would: poppler's pdftotext, pdffonts and pdfinfo (installed by eng/services.sh).
internal static class Poppler
{
    public static async Task<string> RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, $"{tool}: {await process.StandardError.ReadToEndAsync()}");
        return output;
    }

    // The tagged structure tree (headings, tables with header cells) a screen reader navigates by.
    public static Task<string> StructureAsync(byte[] pdf) => WithFileAsync(pdf, path => RunAsync("pdfinfo", "-struct", path));

    public static Task<(string Text, string Fonts, string Info)> ReadAsync(byte[] pdf) => WithFileAsync(pdf, async path =>
    {
        // Lines wrap where the page ends, so the text is compared with its whitespace runs made single spaces.
        var text = System.Text.RegularExpressions.Regex.Replace(await RunAsync("pdftotext", path, "-"), @"\s+", " ");
        return (text, await RunAsync("pdffonts", path), await RunAsync("pdfinfo", path));
    });

    private static async Task<T> WithFileAsync<T>(byte[] pdf, Func<string, Task<T>> read)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dsar-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            return await read(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
