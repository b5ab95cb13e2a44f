using DsarEngine.Server.Tests;
using DsarEngine.Server.Tests.TestData;
using Microsoft.Playwright;

namespace DsarEngine.Browser.Tests;

// The form's per-address budget, on an engine of its own that allows two submissions a minute from one address (the
// shared engine's budgets are set out of the other tests' way): the third is refused in the person's language, with the
// wait, and stores nothing.
public sealed class SubjectAbuseTests : SubjectTest
{
    private static EngineFactory engine = null!;
    private static Uri address = null!;
    private static TestTenant tenant = null!;
    private static Uri shop = null!;

    protected override Uri Engine => address;

    [OneTimeSetUp]
    public async Task StartEngine()
    {
        var port = BrowserEngine.FreePort();
        address = new Uri($"http://localhost:{port}/");
        engine = await EngineFactory.StartOnKestrelAsync(new Dictionary<string, string?>
        {
            ["Dsar:Intake:PublicBaseUrl"] = address.ToString().TrimEnd('/'),
            ["Dsar:Intake:PublicPermitsPerMinute"] = "2",
            ["Dsar:Form:MinFillSeconds"] = "0",
        }, port);
        var slug = $"org-{Guid.NewGuid():N}"[..16];
        shop = await BrowserEngine.StartShopAsync(slug, address);
        tenant = await TestTenant.CreateAsync(engine, [shop.GetLeftPart(UriPartial.Authority)], slug: slug);
    }

    [OneTimeTearDown]
    public async Task StopEngine()
    {
        if (engine is not null)
            await engine.DisposeAsync();
    }

    [Test]
    public async Task A_burst_from_one_address_is_refused_with_the_wait_and_stores_nothing()
    {
        var text = Text("fr");
        for (var i = 0; i < 2; i++)
        {
            await OpenFormAsync("fr", shop);
            await FillForRightAsync("fr", "access", Submissions.UniqueEmail("burst"));
            await SendAsync("fr");
        }
        await OpenFormAsync("fr", shop);
        await FillForRightAsync("fr", "access", Submissions.UniqueEmail("burst"));
        await Form.GetByRole(AriaRole.Button, new() { Name = text["Form.Submit"] }).ClickAsync();
        var refusal = Form.GetByRole(AriaRole.Alert);
        // The refusal is a page in the shop's frame: the engine must let the organisation's site frame it, as it does the form.
        var frame = await FormFrameAsync();
        await WaitForAsync(async () => frame.Url.StartsWith("chrome-error:", StringComparison.Ordinal) || await refusal.CountAsync() > 0,
            "the refusal or a refused frame");
        Assert.That(frame.Url, Does.Not.StartWith("chrome-error:"),
            "Chromium refused to show the rate limit's page in the shop's frame (it may not be framed by the organisation's site)");
        await Assertions.Expect(Form.GetByRole(AriaRole.Heading, new() { Name = text["Common.ErrorSummaryTitle"], Level = 1 }))
            .ToBeVisibleAsync();
        // "Wait {0} seconds": the number the Retry-After header carries, in the sentence.
        var sentence = text["Common.TooManyRequests"];
        await Assertions.Expect(refusal).ToContainTextAsync(sentence[..sentence.IndexOf("{0}", StringComparison.Ordinal)].Trim());
        await CheckScreenAsync("rate-limited");
        Assert.That(await RequestsAsync(engine, tenant), Is.EqualTo(2));
    }
}
