using System.Net;
using System.Net.Http.Headers;
using DsarEngine.Samples.Shop;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

namespace DsarEngine.Samples.Tests;

// The demo's shop: a privacy page on another origin that embeds the engine's form with the script tag a controller pastes,
// in each language it speaks, under a policy that lets the engine in for its script and frame and nothing else.
public sealed class ShopTests
{
    private const string Engine = "http://localhost:5080";

    private static async Task<(WebApplication App, HttpClient Client)> StartAsync(Dictionary<string, string?> settings)
    {
        var app = ShopApp.Build([], settings);
        await app.StartAsync();
        return (app, new HttpClient { BaseAddress = new Uri(app.Urls.Single()) });
    }

    private static Dictionary<string, string?> Settings(string engine = Engine, string tenant = "demo") => new()
    {
        ["Shop:EngineUrl"] = engine, ["Shop:Tenant"] = tenant, ["Shop:Url"] = "http://127.0.0.1:0",
    };

    [TestCase("/privacy", "en", "Privacy at Maison Lumière")]
    [TestCase("/fr/privacy", "fr", "Confidentialité chez Maison Lumière")]
    [TestCase("/ru/privacy", "ru", "Конфиденциальность в Maison Lumière")]
    [TestCase("/privacy?lang=fr", "fr", "Confidentialité chez Maison Lumière")]
    [TestCase("/privacy?lang=de", "en", "Privacy at Maison Lumière")]
    public async Task The_privacy_page_embeds_the_form_of_the_configured_engine_and_tenant_in_its_language(
        string path, string language, string heading)
    {
        var (app, client) = await StartAsync(Settings("https://dsar.example.org/", "acme-shop"));
        await using var _ = app;
        var response = await client.GetAsync(path);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(html, Does.StartWith("<!DOCTYPE html>").And.Contain($"<html lang=\"{language}\">"));
            Assert.That(html, Does.Contain($"<h1>{heading}</h1>"));
            Assert.That(html, Does.Contain(
                $"<script src=\"https://dsar.example.org/embed.js\" data-tenant=\"acme-shop\" data-lang=\"{language}\" async></script>"));
            // The page's one script is the engine's: the shop runs none of its own.
            Assert.That(html.Split("<script").Length - 1, Is.EqualTo(1));
            Assert.That(html, Does.Contain($"<a href=\"https://dsar.example.org/form/acme-shop?lang={language}\">"));
        }
    }

    [Test]
    public async Task The_page_allows_the_engines_origin_for_its_script_and_frame_and_nothing_else()
    {
        var (app, client) = await StartAsync(Settings("http://localhost:5080/"));
        await using var _ = app;
        var page = await client.GetAsync("/ru/privacy");
        var css = await client.GetAsync("/shop.css");
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        var directives = policy.Split(';', StringSplitOptions.TrimEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d[(d.IndexOf(' ') + 1)..]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(directives["default-src"], Is.EqualTo("'none'"));
            Assert.That(directives["script-src"], Is.EqualTo(Engine));
            Assert.That(directives["frame-src"], Is.EqualTo(Engine));
            Assert.That(directives["style-src"], Is.EqualTo("'self'"));
            Assert.That(directives["frame-ancestors"], Is.EqualTo("'none'"));
            Assert.That(directives.Where(d => d.Value.Contains(Engine, StringComparison.Ordinal)).Select(d => d.Key),
                Is.EquivalentTo(new[] { "script-src", "frame-src" }));
            Assert.That(policy, Does.Not.Contain("unsafe"));
            Assert.That(page.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
            Assert.That(css.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(css.Content.Headers.ContentType, Is.EqualTo(MediaTypeHeaderValue.Parse("text/css; charset=utf-8")));
        }
    }

    [TestCase(null, "demo", "Set Shop:EngineUrl to the engine's address")]
    [TestCase("localhost:5080", "demo", "Set Shop:EngineUrl to the engine's address")]
    [TestCase("http://localhost:5080", null, "Set Shop:Tenant: the organisation's slug")]
    [TestCase("http://localhost:5080", "Demo Org", "Shop:Tenant must be an organisation's slug")]
    public async Task A_shop_without_a_usable_engine_or_tenant_does_not_start_and_says_what_to_set(
        string? engine, string? tenant, string message)
    {
        await using var app = ShopApp.Build([], new Dictionary<string, string?>
        {
            ["Shop:EngineUrl"] = engine, ["Shop:Tenant"] = tenant, ["Shop:Url"] = "http://127.0.0.1:0",
        });
        var refused = Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.That(refused!.Failures, Has.Some.StartsWith(message));
    }
}
