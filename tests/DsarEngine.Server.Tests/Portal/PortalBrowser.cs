using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DsarEngine.Server.Tests.Portal;

// A subject's browser on the portal: keeps cookies (the session's, the antiforgery one), does not follow redirects (the
// tests look at them), parses each page and posts its forms back with the hidden fields they carry.
internal sealed class PortalBrowser(HttpClient client)
{
    public HttpClient Client { get; } = client;

    public static PortalBrowser Open(EngineFactory engine) =>
        new(engine.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    // Follows the status link as the e-mail gives it: the token is exchanged and the browser is sent on (303).
    public async Task<HttpResponseMessage> EnterAsync(string reference, string token) =>
        await Client.GetAsync($"/portal/{reference}?token={Uri.EscapeDataString(token)}");

    public async Task<PortalPage> GetAsync(string path)
    {
        var response = await Client.GetAsync(path);
        return await PortalPage.ReadAsync(response);
    }

    // The page once `done` holds, polled with a deadline (mail delivery and the workflow run on their own loops).
    public async Task<PortalPage> PollAsync(string path, Func<PortalPage, bool> done, string what)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var page = await GetAsync(path);
            if (done(page))
                return page;
            if (watch.Elapsed > TimeSpan.FromSeconds(30))
                Assert.Fail($"Waited 30 s for {what}; the page says: {page.Text}");
            await Task.Delay(100);
        }
    }

    // Posts the page's form whose action ends with `action`, with its hidden fields (the antiforgery token) and `fields`.
    public async Task<HttpResponseMessage> PostAsync(PortalPage page, string action, IDictionary<string, string> fields,
        IEnumerable<(string Name, string FileName, string MediaType, byte[] Content)>? files = null)
    {
        var form = page.Form(action);
        using var content = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]"))
            content.Add(new StringContent(hidden.GetAttribute("value") ?? ""), hidden.GetAttribute("name")!);
        foreach (var (name, value) in fields)
            content.Add(new StringContent(value), name);
        foreach (var (name, fileName, mediaType, bytes) in files ?? [])
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
            content.Add(file, name, fileName);
        }
        return await Client.PostAsync(form.GetAttribute("action"), content);
    }
}

internal sealed record PortalPage(HttpStatusCode Status, IDocument Document, HttpResponseMessage Response)
{
    public static async Task<PortalPage> ReadAsync(HttpResponseMessage response) =>
        new(response.StatusCode, await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync()), response);

    public string H1 => Document.QuerySelector("h1")?.TextContent.Trim() ?? "";

    public IReadOnlyList<string> Headings(string selector = "h2") => [.. Document.QuerySelectorAll(selector).Select(h => h.TextContent.Trim())];

    public string Text => Document.Body?.TextContent ?? "";

    public IElement Form(string action) =>
        Document.QuerySelectorAll("form").FirstOrDefault(f => (f.GetAttribute("action") ?? "").EndsWith(action, StringComparison.Ordinal))
        ?? throw new AssertionException($"No form posting to …{action} on the page: {Text}");

    // The label's text for a field id, as a screen reader announces it.
    public string? Label(string id) => Document.QuerySelector($"label[for='{id}']")?.TextContent.Trim();

    public IReadOnlyList<string> Buttons => [.. Document.QuerySelectorAll("button").Select(b => b.TextContent.Trim())];

    public IReadOnlyList<string> Timeline => [.. Document.QuerySelectorAll("ol.timeline li").Select(li => Squash(li.TextContent))];

    public static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
