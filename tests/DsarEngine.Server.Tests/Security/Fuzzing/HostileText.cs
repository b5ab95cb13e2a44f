namespace DsarEngine.Server.Tests.Security.Fuzzing;

// What an attacker writes into a text field: script in its usual disguises, SQL metacharacters, control and bidi
// characters, lone surrogates, template and path tricks, and sizes past every field's limit.
internal static class HostileText
{
    public static readonly string[] Script =
    [
        "<script>window.__x=1</script>", "<img src=x onerror=\"window.__x=1\">", "javascript:window.__x=1",
        "\"><svg onload=window.__x=1>", "'><iframe src=javascript:window.__x=1>", "<a href=\"javascript:window.__x=1\">x</a>",
        "</textarea><script>window.__x=1</script>", "<style>*{display:none}</style>", "{{constructor.constructor('x')()}}",
        "<math><mtext><table><mglyph><style><img src=x onerror=window.__x=1>", "data:text/html,<script>window.__x=1</script>",
    ];

    public static readonly string[] Sql =
    [
        "' OR '1'='1", "'; DROP TABLE requests; --", "1; SELECT pg_sleep(5)--", "\\'; --", "$$; DELETE FROM journal; $$",
        "%' AND 1=1 --", "' UNION SELECT password_hash FROM staff_users --", "E'\\x00'", "\"; TRUNCATE outbox; --",
    ];

    public static readonly string[] Characters =
    [
        "\u0000", "a\u0000b", "\u0001\u0002\u0003\u0007\u0008\u001b[31m", "\r\n\r\nInjected: header", "\u202eevil\u202c.exe",
        "\u2066\u2067\u2068\u2069\u200e\u200f", "\u200b\u200c\u200d\ufeff", "e\u0301\u0301\u0301\u0301\u0301\u0301", "\ud800", "\udfff",
        "\ud83d\ude00\ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67", "\uffff\ufffe", "\u00a0\u2028\u2029",
        "ＡＢＣ＠ｅｘａｍｐｌｅ．ｏｒｇ",
    ];

    public static readonly string[] Tricks =
    [
        "../../../../etc/passwd", "..%2f..%2fetc%2fpasswd", "${jndi:ldap://127.0.0.1/x}", "%s%s%s%n", "{0}{1}{99}", "null", "true",
        "-1", "0", "1e309", "NaN", "9223372036854775808", "00000000-0000-0000-0000-000000000000", "", " ", "@", "a@b", "@@@",
        "mailto:x@example.org?cc=y@example.org", "x@example.org\r\nBcc: y@example.org", "DSR-2026-ABCDEF",
    ];

    private static readonly string[][] Families = [Script, Sql, Characters, Tricks];

    public static string Pick(Random random)
    {
        var roll = random.Next(100);
        if (roll < 4)
            return new string('A', random.Next(2, 6) * 16_384);
        if (roll < 8)
            return string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)random.Next(0, 0xFFFF)));
        if (roll < 14)
            return Pick(random) + Pick(random);
        var family = Families[random.Next(Families.Length)];
        return family[random.Next(family.Length)];
    }

    // Only what can travel in an HTTP header or a URL without the client itself refusing to send it.
    public static string PrintableAscii(Random random, int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => (char)random.Next(0x21, 0x7F))]);
}
