using Microsoft.Playwright;

namespace DsarEngine.Browser.Tests;

// The demo's shop as a subject meets it: a privacy page on another origin, in the subject's language, under its own strict
// policy, embedding the engine's form with one script tag.
public sealed class SubjectShopTests : SubjectTest
{
    private static readonly Dictionary<string, (string Title, string Rights)> Headings = new()
    {
        ["en"] = ("Privacy at Maison Lumière", "Exercise your rights"),
        ["fr"] = ("Confidentialité chez Maison Lumière", "Exercer vos droits"),
        ["ru"] = ("Конфиденциальность в Maison Lumière", "Воспользуйтесь своими правами"),
    };

    [TestCase("en")]
    [TestCase("fr")]
    [TestCase("ru")]
    public async Task The_shops_privacy_page_breaks_none_of_its_own_policy_and_axe_finds_nothing_serious(string language)
    {
        var (title, rights) = Headings[language];
        var refused = WatchPolicy();
        await Page.GotoAsync(ShopPage(language));
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = rights, Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await ScreenshotAsync($"shop-{language}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await SeriousViolationsAsync(), Is.Empty);
            Assert.That(refused, Is.Empty, "the shop's CSP refused something it loads");
        }
    }
}
