using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace DsarEngine.Server.Tests.SubjectForm;

// A person's browser at the hosted form: each client has its own address (the per-address rate limit is its own), reads
// the page as a DOM, and sends the form as a browser does (multipart, the served token, the documents).
internal sealed class FormClient(EngineFactory engine, string peer)
{
    private static readonly HtmlParser Parser = new();

    private readonly HttpClient http = new(engine.Server.CreateHandler(c => c.Connection.RemoteIpAddress = IPAddress.Parse(peer)))
    {
        BaseAddress = engine.Server.BaseAddress,
    };

    internal sealed record Page(HttpResponseMessage Response, IDocument Document)
    {
        public string? Token => Document.QuerySelector("input[name=token]")?.GetAttribute("value");

        public string? Csp => Response.Headers.TryGetValues("Content-Security-Policy", out var v) ? string.Join(";", v) : null;
    }

    public async Task<Page> GetAsync(string path, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
            request.Headers.Add("Accept-Language", acceptLanguage);
        var response = await http.SendAsync(request);
        return new Page(response, await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
    }

    public async Task<Page> PostAsync(string path, IEnumerable<(string Name, string Value)> fields,
        IEnumerable<(string Field, string FileName, string Type, byte[] Content)>? files = null,
        IEnumerable<(string Name, string Value)>? headers = null)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
            content.Add(new StringContent(value), name);
        foreach (var (field, fileName, type, bytes) in files ?? [])
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(type);
            content.Add(part, field, fileName);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        foreach (var (name, value) in headers ?? [])
            request.Headers.Add(name, value);
        var response = await http.SendAsync(request);
        return new Page(response, await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
    }

    public Task<HttpResponseMessage> PostRawAsync(string path, HttpContent content) => http.PostAsync(path, content);
}
