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

    public static async Task<(string Text, string Fonts, string Info)> ReadAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dsar-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            // Lines wrap where the page ends, so the text is compared with its whitespace runs made single spaces.
            var text = System.Text.RegularExpressions.Regex.Replace(await RunAsync("pdftotext", path, "-"), @"\s+", " ");
            return (text, await RunAsync("pdffonts", path), await RunAsync("pdfinfo", path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
