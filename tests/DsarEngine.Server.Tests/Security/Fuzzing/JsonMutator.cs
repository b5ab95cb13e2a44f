using System.Text;
using System.Text.Json.Nodes;

namespace DsarEngine.Server.Tests.Security.Fuzzing;

// Turns one VALID body into a hostile one: a field's value replaced (script, SQL, control characters, another type), a field
// dropped, added or duplicated, the whole nested very deep, truncated, made huge, or its bytes made invalid UTF-8.
internal static class JsonMutator
{
    public static (byte[] Body, string Mutation) Mutate(JsonNode valid, Random random)
    {
        var node = valid.DeepClone();
        var roll = random.Next(100);
        return roll switch
        {
            < 30 => Replace(node, random, _ => JsonValue.Create(HostileText.Pick(random)), "hostile text in a field"),
            < 40 => Replace(node, random, _ => OtherType(random), "another type in a field"),
            < 46 => (Bytes(Remove(node, random)), "a field removed"),
            < 50 => (Bytes(Add(node, random)), "an unknown field"),
            < 54 => (Duplicate(node, random), "a field twice"),
            < 60 => (Truncate(Bytes(node), random), "truncated"),
            < 66 => (InvalidUtf8(Bytes(node), random), "invalid UTF-8"),
            < 70 => (Deep(random), "deeply nested"),
            < 73 => (Huge(node, random), "huge"),
            < 78 => (Encoding.UTF8.GetBytes(Pick(random, Shapes)), "not an object"),
            < 82 => (FlipBytes(Bytes(node), random), "bytes flipped"),
            < 86 => (Encoding.UTF8.GetBytes("\uFEFF" + node.ToJsonString()), "byte order mark"),
            < 90 => (Encoding.UTF8.GetBytes(node.ToJsonString().Replace("}", ",}", StringComparison.Ordinal)), "trailing commas"),
            < 94 => (Escapes(node, random), "escaped control characters and lone surrogates"),
            _ => (Bytes(node), "the valid body (replayed)"),
        };
    }

    private static readonly string[] Shapes =
    [
        "", " ", "null", "[]", "[{}]", "\"text\"", "123", "true", "{", "}", "{\"a\":", "{}", "{\"\":{}}", "/* comment */ {}",
        "{'single':'quotes'}", "{\"a\":NaN}", "{\"a\":1e999999}", "{\"a\":-0}", "{\"a\":\"\\uZZZZ\"}", "{\"a\":\"\\",
    ];

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    private static JsonNode? OtherType(Random random) => random.Next(9) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(random.NextInt64(long.MinValue, long.MaxValue)),
        3 => JsonValue.Create(random.NextDouble() * 1e300),
        4 => new JsonArray(JsonValue.Create(HostileText.Pick(random)), null, new JsonObject()),
        5 => new JsonObject { ["$ref"] = "#", ["__proto__"] = new JsonObject { ["x"] = 1 } },
        6 => new JsonArray(),
        7 => new JsonObject(),
        _ => JsonValue.Create(-1),
    };

    // Every place a value sits, in document order: the root's fields, nested objects' fields and array items.
    private static List<(JsonNode Parent, string? Name, int Index)> Slots(JsonNode node)
    {
        var slots = new List<(JsonNode, string?, int)>();
        void Walk(JsonNode? current)
        {
            switch (current)
            {
                case JsonObject o:
                    foreach (var (name, child) in o.ToList())
                    {
                        slots.Add((o, name, -1));
                        Walk(child);
                    }
                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        slots.Add((a, null, i));
                        Walk(a[i]);
                    }
                    break;
            }
        }
        Walk(node);
        return slots;
    }

    private static (byte[], string) Replace(JsonNode node, Random random, Func<JsonNode?, JsonNode?> with, string what)
    {
        var slots = Slots(node);
        if (slots.Count == 0)
            return (Bytes(node), what);
        var (parent, name, index) = slots[random.Next(slots.Count)];
        if (parent is JsonObject o)
            o[name!] = with(o[name!]);
        else
            parent.AsArray()[index] = with(parent.AsArray()[index]);
        return (Bytes(node), $"{what} ({name ?? $"[{index}]"})");
    }

    private static JsonNode Remove(JsonNode node, Random random)
    {
        var objects = Slots(node).Where(s => s.Parent is JsonObject).ToList();
        if (objects.Count > 0)
        {
            var (parent, name, _) = objects[random.Next(objects.Count)];
            parent.AsObject().Remove(name!);
        }
        return node;
    }

    private static JsonNode Add(JsonNode node, Random random)
    {
        if (node is JsonObject o)
            o[Pick(random, new[] { "detials", "tenant_id", "status", "__proto__", "constructor", "id", "x" })] = HostileText.Pick(random);
        return node;
    }

    // The same field twice, the second with a hostile value: which one wins must not matter to safety.
    private static byte[] Duplicate(JsonNode node, Random random)
    {
        var text = node.ToJsonString();
        if (node is not JsonObject o || o.Count == 0)
            return Encoding.UTF8.GetBytes(text);
        var name = o.ElementAt(random.Next(o.Count)).Key;
        var extra = $",\"{name}\":{JsonValue.Create(HostileText.Pick(random))!.ToJsonString()}}}";
        return Encoding.UTF8.GetBytes(text[..^1] + extra);
    }

    private static byte[] Truncate(byte[] body, Random random) => body.Length < 2 ? body : body[..random.Next(1, body.Length)];

    private static readonly byte[][] BadSequences =
    [
        [0xFF], [0xC3, 0x28], [0xE2, 0x28, 0xA1], [0xF0, 0x28, 0x8C, 0x28], [0xED, 0xA0, 0x80], [0xC0, 0xAF],
        [0xF8, 0x88, 0x80, 0x80, 0x80],
        [0x80], [0xFE, 0xFF],
    ];

    // Invalid UTF-8 inside a string value where possible (past the parser's syntax checks), or anywhere.
    private static byte[] InvalidUtf8(byte[] body, Random random)
    {
        var quotes = body.Select((b, i) => (b, i)).Where(p => p.b == (byte)'"').Select(p => p.i).ToList();
        var at = quotes.Count > 1 && random.Next(3) > 0 ? quotes[random.Next(quotes.Count)] + 1 : random.Next(body.Length + 1);
        return [.. body[..at], .. Pick(random, BadSequences), .. body[at..]];
    }

    private static byte[] Deep(Random random)
    {
        var depth = Pick(random, new[] { 17, 65, 1_000, 100_000 });
        var (open, close) = random.Next(2) == 0 ? ("[", "]") : ("{\"a\":", "}");
        var builder = new StringBuilder();
        for (var i = 0; i < depth; i++)
            builder.Append(open);
        builder.Append('1');
        if (random.Next(4) > 0)
            for (var i = 0; i < depth; i++)
                builder.Append(close);
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    // Past every body limit (1 MiB by default, 64 KiB for intake), or just under intake's with one enormous field.
    private static byte[] Huge(JsonNode node, Random random)
    {
        if (node is JsonObject { Count: > 0 } o && random.Next(2) == 0)
        {
            var name = o.ElementAt(random.Next(o.Count)).Key;
            o[name] = new string('x', 60_000);
            return Bytes(o);
        }
        var size = Pick(random, new[] { 70_000, 1_100_000, 2_500_000 });
        return Encoding.UTF8.GetBytes($"{{\"padding\":\"{new string('x', size)}\"}}");
    }

    private static byte[] FlipBytes(byte[] body, Random random)
    {
        var copy = (byte[])body.Clone();
        for (var i = 0; i < random.Next(1, 6) && copy.Length > 0; i++)
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        return copy;
    }

    private static byte[] Escapes(JsonNode node, Random random)
    {
        var text = node.ToJsonString();
        var quote = text.IndexOf(":\"", StringComparison.Ordinal);
        if (quote < 0)
            return Encoding.UTF8.GetBytes(text);
        var escape = Pick(random, new[] { "\\u0000", "\\ud800", "\\udfff\\ud800", "\\u001b", "\\u202e", "\\u0000\\u0000\\u0000" });
        return Encoding.UTF8.GetBytes(text[..(quote + 2)] + escape + text[(quote + 2)..]);
    }
}
