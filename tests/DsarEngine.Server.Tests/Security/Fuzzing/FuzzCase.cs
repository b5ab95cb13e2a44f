using System.Net.Http.Headers;

namespace DsarEngine.Server.Tests.Security.Fuzzing;

// One hostile input, kept as data so it can be sent again exactly (the replay that proves a refusal stored nothing).
// Html: the endpoint answers people with pages (form, portal, link pages), so a refusal may be a page in their language.
internal sealed record FuzzCase(int Number, string Endpoint, bool Html, string Mutation, HttpMethod Method, string Path,
    byte[]? Body, IReadOnlyList<(string Name, string Value)> ContentHeaders, IReadOnlyList<(string Name, string Value)> Headers,
    int Client)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, Path);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            foreach (var (name, value) in ContentHeaders)
                message.Content.Headers.TryAddWithoutValidation(name, value);
        }
        foreach (var (name, value) in Headers)
            message.Headers.TryAddWithoutValidation(name, value);
        return message;
    }

    public override string ToString() =>
        $"#{Number} {Endpoint} [{Mutation}] {Method} {(Path.Length > 160 ? Path[..160] + "…" : Path)}";

    // From a message built the easy way (HttpContent of any kind): its body and headers frozen as bytes and strings.
    public static async Task<FuzzCase> FreezeAsync(int number, string endpoint, bool html, string mutation, HttpRequestMessage message,
        int client)
    {
        byte[]? body = null;
        var contentHeaders = new List<(string, string)>();
        if (message.Content is { } content)
        {
            body = await content.ReadAsByteArrayAsync();
            contentHeaders.AddRange(content.Headers.NonValidated.Where(h => h.Key != "Content-Length")
                .SelectMany(h => h.Value.Select(v => (h.Key, v))));
        }
        var headers = message.Headers.NonValidated.SelectMany(h => h.Value.Select(v => (h.Key, v))).ToList();
        return new FuzzCase(number, endpoint, html, mutation, message.Method, message.RequestUri!.OriginalString, body, contentHeaders,
            headers, client);
    }
}

// What came back, and whether it is a clean answer: never a 5xx; a refusal (4xx) is problem+json with its status and title,
// or, from a page for people, an HTML page.
internal sealed record FuzzOutcome(FuzzCase Case, int Status, string? MediaType, string Body)
{
    public bool Refused => Status >= 400;

    public string? Fault()
    {
        if (Status >= 500)
            return "a server error";
        if (!Refused)
            return null;
        if (MediaType == "application/problem+json")
            return ProblemFault();
        if (Case.Html && MediaType == "text/html" && Body.Contains("<h1", StringComparison.Ordinal))
            return null;
        return $"a refusal that is not problem+json ({MediaType ?? "no Content-Type"})";
    }

    private string? ProblemFault()
    {
        try
        {
            var problem = System.Text.Json.Nodes.JsonNode.Parse(Body)!.AsObject();
            if ((int?)problem["status"] != Status)
                return "problem+json whose status is not the answer's";
            return string.IsNullOrWhiteSpace((string?)problem["title"]) ? "problem+json without a title" : null;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return "problem+json that does not parse";
        }
    }

    public override string ToString() =>
        $"{Case} -> {Status} {MediaType}: {(Body.Length > 300 ? Body[..300] + "…" : Body)}";

    public static async Task<FuzzOutcome> ReadAsync(FuzzCase fuzz, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        MediaTypeHeaderValue? type = response.Content.Headers.ContentType;
        return new FuzzOutcome(fuzz, (int)response.StatusCode, type?.MediaType, body);
    }
}
