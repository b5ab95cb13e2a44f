using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;

namespace DsarEngine.Server.Tests.Security.Fuzzing;

// An HTML form as the page served it (its fields and their values), and hostile versions of it: a field's value replaced,
// fields dropped, repeated or invented, a forged or stale token, sent as multipart, urlencoded or raw broken bytes, with
// files that lie about their type.
internal sealed record HtmlForm(string Action, IReadOnlyList<(string Name, string Value)> Fields)
{
    // Every post form of a page, with the values a browser would send unchanged (hidden fields, checked boxes, the
    // first option of a select, the text typed in by default).
    public static IReadOnlyList<HtmlForm> All(IDocument page) =>
    [
        .. page.QuerySelectorAll("form").Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
            .Select(f => new HtmlForm(f.GetAttribute("action") ?? "", [.. Read(f)])),
    ];

    private static IEnumerable<(string, string)> Read(IElement form)
    {
        foreach (var element in form.QuerySelectorAll("input, textarea, select"))
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name))
                continue;
            var type = element.GetAttribute("type") ?? "text";
            if (type is "file" or "submit")
                continue;
            if (type is "checkbox" or "radio")
            {
                if (element.HasAttribute("checked"))
                    yield return (name, element.GetAttribute("value") ?? "on");
                continue;
            }
            var value = element.LocalName switch
            {
                "textarea" => element.TextContent,
                "select" => element.QuerySelector("option[selected]")?.GetAttribute("value")
                    ?? element.QuerySelector("option")?.GetAttribute("value") ?? "",
                _ => element.GetAttribute("value") ?? "",
            };
            yield return (name, value);
        }
    }
}

internal static class FormMutator
{
    public static (HttpContent Content, string Mutation) Mutate(HtmlForm form, Random random, IReadOnlyList<string> extraNames)
    {
        var fields = form.Fields.ToList();
        var names = fields.Select(f => f.Name).Concat(extraNames).Distinct().ToList();
        string what;
        var roll = random.Next(100);
        if (roll < 45 && names.Count > 0)
        {
            var name = names[random.Next(names.Count)];
            fields.RemoveAll(f => f.Name == name);
            fields.Add((name, HostileText.Pick(random)));
            what = $"hostile text in {name}";
        }
        else if (roll < 55 && fields.Count > 0)
        {
            var name = fields[random.Next(fields.Count)].Name;
            fields.RemoveAll(f => f.Name == name);
            what = $"{name} removed";
        }
        else if (roll < 63 && fields.Count > 0)
        {
            var field = fields[random.Next(fields.Count)];
            fields.AddRange(Enumerable.Repeat((field.Name, HostileText.Pick(random)), random.Next(1, 50)));
            what = $"{field.Name} repeated";
        }
        else if (roll < 68)
        {
            fields.AddRange(Enumerable.Range(0, random.Next(1, 3_000)).Select(i => ($"f{i}", "x")));
            what = "thousands of unknown fields";
        }
        else if (roll < 76)
        {
            return (Raw(random), "raw broken body");
        }
        else if (roll < 84)
        {
            return (WithFiles(fields, random), "files that lie about their type");
        }
        else
        {
            what = "valid fields (replayed)";
        }
        return (random.Next(3) == 0 ? UrlEncoded(fields) : Multipart(fields), what);
    }

    public static HttpContent Multipart(IEnumerable<(string Name, string Value)> fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
            content.Add(new StringContent(value), name);
        return content;
    }

    // Built by hand: FormUrlEncodedContent refuses very long values, an attacker's client does not.
    public static HttpContent UrlEncoded(IEnumerable<(string Name, string Value)> fields)
    {
        var text = string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Name)}={Escape(f.Value)}"));
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }

    // Lone surrogates cannot be escaped by Uri.EscapeDataString: they go as %ED%A0%80-style invalid UTF-8, as a raw client would.
    private static string Escape(string value)
    {
        try { return Uri.EscapeDataString(value); }
        catch (UriFormatException) { return "%ED%A0%80" + value.Length; }
    }

    private static ByteArrayContent Raw(Random random)
    {
        var bodies = new[]
        {
            "a=%", "a=%ZZ&b=%E0%A4%A", "=&=&&&==", "a=" + new string('%', 1000), "\u0000\u0000", "%ff%fe%fd=%c3%28",
        };
        var bytes = random.Next(3) == 0 ? RandomBytes(random) : Encoding.UTF8.GetBytes(bodies[random.Next(bodies.Length)]);
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", random.Next(3) switch
        {
            0 => "application/x-www-form-urlencoded",
            1 => "multipart/form-data; boundary="
                + HostileText.PrintableAscii(random, random.Next(1, 80)).Replace("\"", "", StringComparison.Ordinal),
            _ => "multipart/form-data",
        });
        return content;
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1, 4_096)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static MultipartFormDataContent WithFiles(IEnumerable<(string Name, string Value)> fields, Random random)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
            content.Add(new StringContent(value), name);
        var (fileName, type, bytes) = random.Next(5) switch
        {
            0 => ("id.pdf", "application/pdf", Encoding.UTF8.GetBytes("<script>window.__x=1</script>")),
            1 => ("../../etc/passwd", "image/png", RandomBytes(random)),
            2 => ("x.svg", "image/svg+xml", Encoding.UTF8.GetBytes("<svg onload=\"window.__x=1\"/>")),
            3 => (HostileText.Pick(random), "text/html", Encoding.UTF8.GetBytes("<html><script>alert(1)</script>")),
            _ => ("empty.png", "image/png", Array.Empty<byte>()),
        };
        var part = new ByteArrayContent(bytes);
        part.Headers.TryAddWithoutValidation("Content-Type", type);
        content.Add(part, random.Next(2) == 0 ? "documents" : "attachments", fileName.Length > 2_000 ? fileName[..2_000] : fileName);
        return content;
    }
}
