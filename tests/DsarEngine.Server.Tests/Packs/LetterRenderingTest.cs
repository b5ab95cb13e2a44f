using DsarEngine.Server.Packs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Tests.Packs;

// Letter tests render with the real renderer (Razor HtmlRenderer, then Debian's Chromium) and read the PDF back with
// poppler: one renderer per fixture, started before its tests and disposed after them.
public abstract class LetterRenderingTest
{
    private protected static PdfRenderer Renderer { get; private set; } = null!;

    private protected static LetterComposer Composer { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartRenderer()
    {
        Renderer = new PdfRenderer(Options.Create(new PdfOptions()), NullLogger<PdfRenderer>.Instance);
        Composer = new LetterComposer(new ServiceCollection().AddLogging().BuildServiceProvider(), NullLoggerFactory.Instance, Renderer);
    }

    [OneTimeTearDown]
    public async Task StopRenderer() => await Renderer.DisposeAsync();
}
