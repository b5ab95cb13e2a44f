using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DsarEngine.Server.Tests.TestData;

// The subject's way to the answer: the link in the response e-mail, a one-time code sent to the same address, the file.
internal static partial class SubjectDownload
{
    public static async Task<(byte[] Content, string? MediaType)> DownloadAsync(EngineFactory engine, HttpClient staff, string reference, string email)
    {
        var link = new Uri(LinkPattern().Match(await MailAsync(staff, email, "response-ready")).Value);
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        var client = engine.CreateClient();
        var sent = await client.PostAsync($"/api/v1/requests/{reference}/pack/code?expires={query["expires"]}&token={query["token"]}", null);
        Assert.That(sent.IsSuccessStatusCode, Is.True, await sent.Content.ReadAsStringAsync());
        var codeId = (string)(await sent.ReadObjectAsync())["codeId"]!;
        var code = CodePattern().Match(await MailAsync(staff, email, "pack-code")).Value;
        var answer = await client.GetAsync($"/api/v1/requests/{reference}/pack?expires={query["expires"]}&token={query["token"]}&codeId={codeId}&code={code}");
        Assert.That(answer.IsSuccessStatusCode, Is.True, await answer.Content.ReadAsStringAsync());
        return (await answer.Content.ReadAsByteArrayAsync(), answer.Content.Headers.ContentType?.MediaType);
    }

    public static async Task<string> MailAsync(HttpClient staff, string to, string template)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            var mails = await staff.GetFromJsonAsync<JsonArray>($"/api/v1/staff/mailbox?to={Uri.EscapeDataString(to)}");
            if (mails!.FirstOrDefault(m => (string)m!["template"]! == template) is { } mail)
                return (string)mail["body"]!;
            await Task.Delay(50);
        }
        Assert.Fail($"No {template} e-mail to {to}.");
        return "";
    }

    [GeneratedRegex(@"http://localhost/api/v1/requests/\S+/pack\?\S+")]
    public static partial Regex LinkPattern();

    [GeneratedRegex(@"(?<=code ?: )\d{6}")]
    public static partial Regex CodePattern();
}
