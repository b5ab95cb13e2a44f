using System.Net.Http.Headers;

namespace DsarEngine.Server.Tests.Security.Fuzzing;

// Headers an attacker controls: wrong and duplicate Content-Type, huge headers, a bad Host or Origin, a bogus or real-looking
// Authorization, forwarded-for spoofing, and junk in the headers the engine reads (idempotency key, status token, language).
internal static class HeaderAbuse
{
    public static string Apply(HttpRequestMessage message, Random random, IReadOnlyList<string> realLookingKeys)
    {
        var headers = message.Headers;
        switch (random.Next(16))
        {
            case 0 when message.Content is not null:
                message.Content.Headers.Remove("Content-Type");
                message.Content.Headers.TryAddWithoutValidation("Content-Type", Pick(random, WrongTypes));
                return "wrong Content-Type";
            case 1 when message.Content is not null:
                message.Content.Headers.TryAddWithoutValidation("Content-Type", Pick(random, WrongTypes));
                return "two Content-Types";
            case 2 when message.Content is not null:
                message.Content.Headers.Remove("Content-Type");
                return "no Content-Type";
            case 3:
                headers.TryAddWithoutValidation("X-Junk", new string('a', random.Next(1, 5) * 16_384));
                return "a huge header";
            case 4:
                headers.TryAddWithoutValidation("Cookie", string.Join("; ", Enumerable.Range(0, 500).Select(i => $"c{i}={i}")));
                return "hundreds of cookies";
            case 5:
                headers.TryAddWithoutValidation("Host",
                    Pick(random, new[] { "evil.example", "localhost:99999", "[::1", "a..b", "x" + new string('y', 300) }));
                return "a bad Host";
            case 6:
                headers.TryAddWithoutValidation("Origin", Pick(random, new[]
                {
                    "null", "http://evil.example", "javascript:alert(1)", "http://localhost.evil.example", "file://",
                    new string('o', 9_000),
                }));
                return "a bad Origin";
            case 7:
                headers.TryAddWithoutValidation("Authorization", Pick(random, new[]
                {
                    "Bearer", "Bearer ", "Bearer dsar_x_y", "Bearer dsar__", "Basic !!!", "Basic YWRtaW46YWRtaW4=", "Negotiate abc",
                    $"Bearer dsar_{Guid.NewGuid():N}_{HostileText.PrintableAscii(random, 40)}", "Bearer " + new string('k', 10_000),
                    $"Bearer {HostileText.PrintableAscii(random, random.Next(1, 200))}",
                }));
                return "a bogus Authorization";
            case 8 when realLookingKeys.Count > 0:
                headers.Authorization = new AuthenticationHeaderValue("Bearer", Pick(random, realLookingKeys));
                return "a real staff key on a public door";
            case 9:
                headers.TryAddWithoutValidation("X-Forwarded-For", Pick(random, new[]
                {
                    "127.0.0.1", "::1", "not-an-ip", "999.1.1.1",
                    string.Join(", ", Enumerable.Range(0, 200).Select(i => $"10.0.{i % 250}.1")),
                }));
                headers.TryAddWithoutValidation("X-Forwarded-Proto", "javascript");
                return "a forged X-Forwarded-For";
            case 10:
                headers.TryAddWithoutValidation("Idempotency-Key", Pick(random, new[]
                {
                    "", " ", new string('i', 5_000), HostileText.PrintableAscii(random, 64), "\u00e9t\u00e9",
                }));
                return "a junk Idempotency-Key";
            case 11:
                headers.TryAddWithoutValidation("X-Status-Token", HostileText.PrintableAscii(random, random.Next(1, 300)));
                return "a junk X-Status-Token";
            case 12:
                headers.TryAddWithoutValidation("Accept-Language", Pick(random, new[]
                {
                    "*", "xx-YY;q=2", "fr;q=abc, ru;q=-1", string.Join(',', Enumerable.Range(0, 400).Select(i => $"l{i}")), "../../etc",
                }));
                return "a junk Accept-Language";
            case 13:
                headers.TryAddWithoutValidation("Sec-GPC", HostileText.PrintableAscii(random, 10));
                headers.TryAddWithoutValidation("Accept", "application/problem+json, text/html;q=abc, */*;q=0.1");
                return "junk Sec-GPC and Accept";
            default:
                return "";
        }
    }

    private static readonly string[] WrongTypes =
    [
        "text/plain", "application/json; charset=utf-16", "application/json; charset=\"", "application/xml", "multipart/form-data",
        "application/x-www-form-urlencoded", "application/json, text/plain", ";;;", "application/evil+json", "*/*", "application/json; q=x",
    ];

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
