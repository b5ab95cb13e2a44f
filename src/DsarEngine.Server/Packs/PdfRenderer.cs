using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace DsarEngine.Server.Packs;

// One headless Chromium for the process, launched on first use and again if it dies; pages render concurrently up to
// a bound, each with a timeout. Pages are kept and reused (opening one costs more than printing a letter); a page
// whose render failed is closed, and the pool is emptied when the browser is replaced. A4, tagged for accessibility,
// the document's title and language from the HTML, page numbers and the request reference in the footer of every page.
internal sealed class PdfRenderer(IOptions<PdfOptions> options, ILogger<PdfRenderer> log) : IAsyncDisposable
{
    // Chromium's quiet flags for a closed network (no background connections, no updates, no sync).
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private readonly SemaphoreSlim slots = new(options.Value.MaxConcurrentRenders);
    private readonly SemaphoreSlim launch = new(1);
    private IPlaywright? playwright;
    private IBrowser? browser;
    private IBrowserContext? context;
    private readonly System.Collections.Concurrent.ConcurrentBag<(IBrowser Browser, IPage Page)> idle = [];

    public int Launches { get; private set; }

    public async Task<byte[]> RenderAsync(string html, string footerReference, string language, CancellationToken ct)
    {
        await slots.WaitAsync(ct);
        try
        {
            var current = await BrowserAsync(ct);
            var page = await PageAsync(current);
            var reusable = false;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
                var pdf = await RenderPageAsync(page, html, footerReference, language).WaitAsync(timeout.Token);
                reusable = true;
                return pdf;
            }
            finally
            {
                if (reusable)
                    idle.Add((current, page));
                else
                    await CloseQuietlyAsync(page);
            }
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task<IPage> PageAsync(IBrowser current)
    {
        while (idle.TryTake(out var kept))
        {
            if (ReferenceEquals(kept.Browser, current) && !kept.Page.IsClosed)
                return kept.Page;
            await CloseQuietlyAsync(kept.Page);
        }
        return await (context ?? throw new InvalidOperationException("No browser context.")).NewPageAsync();
    }

    private static async Task CloseQuietlyAsync(IPage page)
    {
        try
        {
            if (!page.IsClosed)
                await page.CloseAsync();
        }
        catch (PlaywrightException)
        {
            // The browser is gone already; so is the page.
        }
    }

    private static async Task<byte[]> RenderPageAsync(IPage page, string html, string reference, string language)
    {
        await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
        var pageOf = Letters.LetterTexts.T(language, "page", "<span class=\"pageNumber\"></span>", "<span class=\"totalPages\"></span>");
        return await page.PdfAsync(new PagePdfOptions
        {
            Format = "A4", PrintBackground = true, Tagged = true, Outline = true, DisplayHeaderFooter = true,
            Margin = new Margin { Top = "18mm", Bottom = "20mm", Left = "18mm", Right = "18mm" },
            HeaderTemplate = "<span></span>",
            FooterTemplate = $"<div style=\"font-family:'DejaVu Sans';font-size:8px;width:100%;padding:0 18mm;" +
                $"display:flex;justify-content:space-between\">" +
                $"<span>{System.Net.WebUtility.HtmlEncode(reference)}</span>" +
                $"<span>{pageOf}</span></div>",
        });
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken ct)
    {
        if (browser is { IsConnected: true } alive)
            return alive;
        await launch.WaitAsync(ct);
        try
        {
            if (browser is { IsConnected: true } again)
                return again;
            playwright ??= await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = options.Value.ChromiumPath, Headless = true, Args = Flags,
            });
            // Letters are static HTML the engine wrote (Razor encodes every value): no script runs and nothing is
            // fetched, so even a value that slipped through could neither act nor call out (security review L8).
            context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Offline = true });
            Launches++;
            log.LogInformation("PDF renderer started Chromium ({Launch})", Launches.ToString(CultureInfo.InvariantCulture));
            return browser;
        }
        finally
        {
            launch.Release();
        }
    }

    // For tests and operators: what happens when the browser dies (the next render starts a new one).
    public async Task KillBrowserAsync()
    {
        if (browser is not null)
            await browser.CloseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
            await browser.DisposeAsync();
        playwright?.Dispose();
        slots.Dispose();
        launch.Dispose();
    }
}
