using System.Net;
using DsarEngine.Server.Settings;

namespace DsarEngine.Server.Tests.SubjectForm;

// GET /form/{tenant}: what the organisation chose, in the person's language, framed only where the organisation allows.
public sealed class FormPageTests : FormTestBase
{
    [Test]
    public async Task The_form_offers_the_rights_and_identities_the_organisation_chose_each_labelled()
    {
        var tenant = await TenantAsync(new FormSettings(["access", "objection"], [new FormIdentity("customer-id", Required: true)],
            ["en", "fr"], []));
        var page = await NewClient().GetAsync($"/form/{tenant.Slug}");
        var document = page.Document;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.QuerySelectorAll("input[name=right]").Select(i => i.GetAttribute("value")),
                Is.EqualTo(new[] { "access", "objection" }));
            Assert.That(document.QuerySelector("label[for=identity-customer-id]")?.TextContent, Does.Contain("Customer number").And.Contain("(required)"));
            Assert.That(document.QuerySelector("#identity-phone"), Is.Null);
            Assert.That(document.QuerySelector("label[for=email]")?.TextContent, Does.Contain("E-mail address").And.Contain("(required)"));
            // Only the offered rights' own sections; objection's names its right in its heading.
            Assert.That(document.QuerySelector("[data-for-right=rectification]"), Is.Null);
            Assert.That(document.QuerySelector("[data-for-right=objection] legend")?.TextContent, Does.StartWith("Object to a use of my data"));
            Assert.That(document.QuerySelectorAll("#objection-purpose-ai-processing"), Has.Length.EqualTo(1));
            // Every visible field has a label; the honeypot is out of reach of people and assistive technology.
            var fields = document.QuerySelectorAll("input:not([type=hidden]), select, textarea").Where(f => f.Id != "website").ToList();
            Assert.That(fields.Where(f => document.QuerySelector($"label[for='{f.Id}']") is null).Select(f => f.Id), Is.Empty);
            Assert.That(document.QuerySelector("#website")?.GetAttribute("tabindex"), Is.EqualTo("-1"));
            Assert.That(document.QuerySelector("#website")?.ParentElement?.GetAttribute("aria-hidden"), Is.EqualTo("true"));
            Assert.That(document.QuerySelector("script[src='/subject/form.js']"), Is.Not.Null);
            Assert.That(document.QuerySelectorAll("script:not([src])"), Is.Empty, "no inline script (CSP)");
        }
    }

    [TestCase("?lang=fr", null, "fr", "Que souhaitez-vous faire ?")]
    [TestCase("", "ru-RU,ru;q=0.9,en;q=0.5", "ru", "Что вы хотите сделать?")]
    [TestCase("?lang=de", "fr-CA, en;q=0.5", "fr", "Que souhaitez-vous faire ?")]
    [TestCase("", "de-DE", "en", "What do you want to do?")]
    public async Task The_form_speaks_the_asked_language_then_the_browser_s_then_the_organisation_s(
        string query, string? acceptLanguage, string language, string legend)
    {
        var tenant = await TenantAsync();
        var page = await NewClient().GetAsync($"/form/{tenant.Slug}{query}", acceptLanguage);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Document.DocumentElement.GetAttribute("lang"), Is.EqualTo(language));
            Assert.That(page.Document.DocumentElement.GetAttribute("dir"), Is.EqualTo("ltr"));
            Assert.That(page.Document.QuerySelector("#right-legend")?.TextContent, Does.StartWith(legend));
        }
    }

    [Test]
    public async Task A_language_the_organisation_does_not_offer_is_not_used()
    {
        var tenant = await TenantAsync(new FormSettings(["access"], [], ["en", "fr"], []));
        var page = await NewClient().GetAsync($"/form/{tenant.Slug}?lang=ru");
        Assert.That(page.Document.DocumentElement.GetAttribute("lang"), Is.EqualTo("en"));
    }

    [Test]
    public async Task Only_the_organisation_s_allowed_origins_may_frame_its_form()
    {
        var shop = await TenantAsync(new FormSettings(["access"], [], ["en"], ["https://shop.example"]), ["https://shop.example"]);
        var other = await TenantAsync();
        var client = NewClient();
        var framed = await client.GetAsync($"/form/{shop.Slug}?embed=1&parent=https://shop.example");
        var closed = await client.GetAsync($"/form/{other.Slug}?embed=1&parent=https://shop.example");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(framed.Csp, Does.Contain("frame-ancestors 'self' https://shop.example"));
            Assert.That(framed.Csp, Does.Contain("script-src 'self'"));
            Assert.That(framed.Response.Headers.Contains("X-Frame-Options"), Is.False);
            Assert.That(framed.Document.QuerySelector("[data-parent]")?.GetAttribute("data-parent"), Is.EqualTo("https://shop.example"));
            Assert.That(closed.Csp, Does.EndWith("frame-ancestors 'self'"));
            // The height goes to the embedding page only when the organisation allows it.
            Assert.That(closed.Document.QuerySelector("[data-parent]"), Is.Null);
            Assert.That(framed.Response.Headers.CacheControl?.NoStore, Is.True);
        }
    }

    [Test]
    public async Task An_unknown_organisation_is_a_not_found_page_in_the_person_s_language()
    {
        var page = await NewClient().GetAsync("/form/no-such-organisation", "fr");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(page.Response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(page.Document.QuerySelector("h1")?.TextContent, Is.EqualTo("Page introuvable"));
            Assert.That(page.Csp, Does.Contain("frame-ancestors 'none'"));
        }
    }

    [Test]
    public async Task The_embed_script_and_the_stylesheet_are_served_by_the_engine()
    {
        var client = Engine.CreateClient();
        var script = await client.GetAsync("/embed.js");
        var css = await client.GetAsync("/subject/subject.css");
        var body = await script.Content.ReadAsStringAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(script.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(script.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"));
            Assert.That(body, Does.Contain("event.origin !== engine").And.Contain("event.source !== frame.contentWindow"));
            Assert.That(css.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/css"));
        }
    }
}
