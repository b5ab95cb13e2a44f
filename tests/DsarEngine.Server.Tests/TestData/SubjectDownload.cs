using System.Text.RegularExpressions;

namespace DsarEngine.Server.Tests.TestData;

// The subject's way to the answer: the link in the response e-mail, a one-time code sent to the same address, the
// file. Both e-mails are read from the subject's inbox (the mail catcher), never from the staff API.
internal static partial class SubjectDownload
{
    public static async Task<(byte[] Content, string? MediaType)> DownloadAsync(EngineFactory engine, string reference, string email)
    {
        var link = new Uri(LinkPattern().Match(await MailAsync(email, "response-ready")).Value);
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        var client = engine.CreateClient();
        var sent = await client.PostAsync(
            $"/api/v1/requests/{reference}/pack/code?expires={query["expires"]}&token={query["token"]}", null);
        Assert.That(sent.IsSuccessStatusCode, Is.True, await sent.Content.ReadAsStringAsync());
        var codeId = (string)(await sent.ReadObjectAsync())["codeId"]!;
        var code = CodePattern().Match(await MailAsync(email, "pack-code")).Value;
        var answer = await client.GetAsync(
            $"/api/v1/requests/{reference}/pack?expires={query["expires"]}&token={query["token"]}&codeId={codeId}&code={code}");
        Assert.That(answer.IsSuccessStatusCode, Is.True, await answer.Content.ReadAsStringAsync());
        return (await answer.Content.ReadAsByteArrayAsync(), answer.Content.Headers.ContentType?.MediaType);
    }

    // Each part of the answer (`letter`, `copy`, `archive`), opened with one code as the subject would.
    public static async Task<IReadOnlyList<byte[]>> DownloadPartsAsync(
        EngineFactory engine, string reference, string email, params string[] parts)
    {
        var link = new Uri(LinkPattern().Match(await MailAsync(email, "response-ready")).Value);
        var client = engine.CreateClient();
        var sent = await client.PostAsync($"/api/v1/requests/{reference}/pack/code{link.Query}", null);
        Assert.That(sent.IsSuccessStatusCode, Is.True, await sent.Content.ReadAsStringAsync());
        var codeId = (string)(await sent.ReadObjectAsync())["codeId"]!;
        var code = CodePattern().Match(await MailAsync(email, "pack-code")).Value;
        var downloaded = new List<byte[]>();
        foreach (var part in parts)
        {
            var answer = await client.GetAsync($"/api/v1/requests/{reference}/pack{link.Query}&codeId={codeId}&code={code}&part={part}");
            Assert.That(answer.IsSuccessStatusCode, Is.True, await answer.Content.ReadAsStringAsync());
            downloaded.Add(await answer.Content.ReadAsByteArrayAsync());
        }
        return downloaded;
    }

    // The body of the newest message of that kind in the subject's inbox.
    public static async Task<string> MailAsync(string to, string template) => (await MailCatcher.WaitForAsync(to, template)).Body;

    [GeneratedRegex(@"http://localhost/api/v1/requests/\S+/pack\?\S+")]
    public static partial Regex LinkPattern();

    // "code: 123456", "code : 123456", "код: 123456" (English, French, Russian mails).
    [GeneratedRegex(@"(?<=(code|код)[ \u202F\u00A0]?: )\d{6}")]
    public static partial Regex CodePattern();
}
