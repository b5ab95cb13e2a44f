using DsarEngine.Samples.Shop;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Tests;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DsarEngine.Browser.Tests;

// One engine on a real Kestrel port (real PostgreSQL and RabbitMQ), one organisation with one person per role, and one
// headless Debian Chromium for the whole run; each test opens its own browser context (BrowserTest). The demo's shop
// (samples/DsarEngine.Samples.Shop) runs in-process on two more origins: one the organisation allows, one it does not.
[SetUpFixture]
public sealed class BrowserEngine
{
    // Debian's package, never a browser Playwright downloads: the engine renders its PDFs with the same one.
    public const string ChromiumPath = "/usr/bin/chromium";

    // The PDF renderer's flags for a closed network (src/DsarEngine.Server/Packs/PdfRenderer.cs).
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private static IPlaywright? playwright;

    internal static EngineFactory Engine { get; private set; } = null!;

    internal static TestTenant Tenant { get; private set; } = null!;

    // The e-mail address of the organisation's person in each role (StaffRoles), all with InboxSession.Password.
    internal static IReadOnlyDictionary<string, string> People { get; private set; } = null!;

    internal static IBrowser Browser { get; private set; } = null!;

    internal static Uri BaseAddress { get; private set; } = null!;

    // The demo's shop on another origin than the engine (http://127.0.0.1:<port>, a different host and port from
    // http://localhost:<port>), whose privacy page embeds the form of Tenant, which allows that origin.
    internal static Uri Shop { get; private set; } = null!;

    // The same page on a third origin that Tenant does NOT allow: a site that copied the snippet.
    internal static Uri ForeignSite { get; private set; } = null!;

    private static readonly List<Microsoft.AspNetCore.Builder.WebApplication> Sites = [];

    [OneTimeSetUp]
    public async Task Start()
    {
        if (!File.Exists(ChromiumPath))
            Assert.Fail(
                $"The browser tests drive Debian's Chromium at {ChromiumPath}: install the `chromium` package (eng/services.sh does).");
        // A web assertion waits up to 15 s, not Playwright's 5: on CI's two busy cores a page's live connection can take
        // longer than 5 s to load what the prerender showed (seen once: the request page's first circuit render).
        Assertions.SetDefaultExpectTimeout(15_000);
        // This run's screenshots only (BrowserTest.ScreenshotAsync).
        var screenshots = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        if (Directory.Exists(screenshots))
            Directory.Delete(screenshots, recursive: true);
        // The browser reaches the engine at its public address, by name: a passkey is made for a domain (localhost here),
        // never for an IP address, and signs only for the origin Dsar:Intake:PublicBaseUrl names, port included. So the
        // port is chosen before the engine starts (Kestrel listens on 127.0.0.1, which localhost resolves to).
        var port = FreePort();
        BaseAddress = new Uri($"http://localhost:{port}/");
        Engine = await EngineFactory.StartOnKestrelAsync(
            new Dictionary<string, string?>
            {
                ["Dsar:Intake:PublicBaseUrl"] = BaseAddress.ToString().TrimEnd('/'),
                // The tests fill the form in well under the 3 s a person needs; the minimum is the form's own tests' to check.
                ["Dsar:Form:MinFillSeconds"] = "0",
            }, port);
        // The shop needs the organisation's slug and the organisation the shop's origin, which is known once it listens.
        var slug = $"org-{Guid.NewGuid():N}"[..16];
        Shop = await StartShopAsync(slug);
        ForeignSite = await StartShopAsync(slug);
        Tenant = await TestTenant.CreateAsync(Engine, [Shop.GetLeftPart(UriPartial.Authority)], slug: slug);
        // The CORS allow-list refreshes every 30 s; the organisation was created after the engine started.
        await Engine.Services.GetRequiredService<OriginAllowList>().RefreshAsync(CancellationToken.None);
        var people = new Dictionary<string, string>();
        foreach (var role in StaffRoles.All)
            people[role] = await InboxSession.CreateUserAsync(Engine, Tenant, role);
        People = people;
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath, Headless = true, Args = Flags,
        });
    }

    // A shop for one organisation (of this engine or another) on a new origin of its own (stopped with the engine).
    internal static async Task<Uri> StartShopAsync(string tenant, Uri? engine = null)
    {
        var site = ShopApp.Build([], new Dictionary<string, string?>
        {
            ["Shop:EngineUrl"] = (engine ?? BaseAddress).ToString(), ["Shop:Tenant"] = tenant, ["Shop:Url"] = "http://127.0.0.1:0",
        });
        await site.StartAsync();
        lock (Sites)
            Sites.Add(site);
        return new Uri(site.Urls.Single() + "/");
    }

    internal static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        playwright?.Dispose();
        foreach (var site in Sites)
            await site.DisposeAsync();
        Sites.Clear();
        if (Engine is not null)
            await Engine.DisposeAsync();
    }
}
