using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DsarEngine.Server.Tests.TestData;

// The subject's inbox: smtp4dev, which eng/services.sh runs on loopback and every test engine sends its mail to over
// SMTP. Tests read a subject's links and codes here, as the subject would, never from the staff API. Each test's
// subject has a unique address (Submissions.UniqueEmail), so tests never read each other's mail.
internal static class MailCatcher
{
    private static readonly HttpClient Api = new()
    {
        BaseAddress = new Uri(Environment.GetEnvironmentVariable("DSAR_TEST_MAIL_API") ?? "http://127.0.0.1:5025"),
        Timeout = TimeSpan.FromSeconds(20),
    };

    // host:port of its SMTP side (eng/test.sh exports DSAR_TEST_SMTP).
    private static readonly string[] Smtp = (Environment.GetEnvironmentVariable("DSAR_TEST_SMTP") ?? "127.0.0.1:2525").Split(':');

    public static string SmtpHost => Smtp[0];

    public static string SmtpPort => Smtp[1];

    // How often an engine's mail loop polls, on the engine's clock. On a FakeTimeProvider it polls only when the test
    // advances the clock by this much.
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    // The settings that send an engine's mail to the catcher, polled every second so tests wait little.
    public static IEnumerable<KeyValuePair<string, string>> EngineSettings() =>
    [
        new("Dsar:Mail:SmtpHost", SmtpHost), new("Dsar:Mail:SmtpPort", SmtpPort),
        new("Dsar:Mail:SmtpSecurity", "none"),
        new("Dsar:Mail:PollSeconds", PollInterval.TotalSeconds.ToString(CultureInfo.InvariantCulture)),
    ];

    // The newest message to `to` made from `template` (its X-Dsar-Template header), waiting for it up to `timeout`.
    public static async Task<CaughtMail> WaitForAsync(
        string to, string template, TimeSpan? timeout = null, Func<CaughtMail, bool>? where = null)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var found = (await ListAsync(to)).FirstOrDefault(m => m.Template == template && (where?.Invoke(m) ?? true));
            if (found is not null)
                return found;
            if (watch.Elapsed > (timeout ?? TimeSpan.FromSeconds(30)))
            {
                var seen = string.Join(", ", (await ListAsync(to)).Select(m => m.Template));
                Assert.Fail($"No {template} e-mail reached the catcher for {to} (it holds: {(seen.Length > 0 ? seen : "nothing")}). "
                    + "Is smtp4dev running (eng/services.sh)?");
            }
            await Task.Delay(100);
        }
    }

    // Every message the catcher holds for `to`, newest first, with bodies.
    public static async Task<IReadOnlyList<CaughtMail>> ListAsync(string to)
    {
        var page = await Api.GetFromJsonAsync<JsonObject>($"/api/messages?searchTerms={Uri.EscapeDataString(to)}"
            + "&sortColumn=receivedDate&sortIsDescending=true&pageSize=200");
        var mails = new List<CaughtMail>();
        foreach (var summary in page!["results"]!.AsArray())
        {
            if (!summary!["to"]!.AsArray().Any(a => string.Equals((string?)a, to, StringComparison.OrdinalIgnoreCase)))
                continue;
            var id = (string)summary["id"]!;
            var details = await Api.GetFromJsonAsync<JsonObject>($"/api/messages/{id}");
            var headers = details!["headers"]!.AsArray().GroupBy(h => (string)h!["name"]!, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => (string)g.First()!["value"]!, StringComparer.OrdinalIgnoreCase);
            var body = await Api.GetStringAsync($"/api/messages/{id}/plaintext");
            mails.Add(new CaughtMail(id, to, (string)summary["subject"]!, body.ReplaceLineEndings("\n"),
                headers.GetValueOrDefault("X-Dsar-Template") ?? "", headers.GetValueOrDefault("Message-ID") ?? "",
                DateTimeOffset.Parse((string)summary["receivedDate"]!, CultureInfo.InvariantCulture), headers));
        }
        return mails;
    }
}

internal sealed record CaughtMail(string Id, string To, string Subject, string Body, string Template, string MessageId,
    DateTimeOffset ReceivedAt, IReadOnlyDictionary<string, string> Headers);
