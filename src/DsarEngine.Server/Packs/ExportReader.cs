using System.Text.Json;
using DsarEngine.Connectors;

namespace DsarEngine.Server.Packs;

// Reads a connector's export document (the JSON of an ExportDocument, as unsealed from the claim-check store) without
// materialising its records: a scan finds each category's records array as a slice of the bytes and counts it; the
// letter then parses only its first rows, and the portability archive copies the JSON as it is and writes the CSV one
// record at a time. A 100,000-record export costs its bytes and a few rows, not 100,000 dictionaries.
internal static class ExportReader
{
    public sealed record Category(string Name, ReadOnlyMemory<byte> RecordsJson, int Count);

    public sealed record Document(string System, IReadOnlyList<Category> Categories);

    // Property names are matched case-insensitively, as the SDK's web-default serializer reads them.
    public static Document Scan(ReadOnlyMemory<byte> json)
    {
        var reader = new Utf8JsonReader(json.Span);
        var system = "";
        var categories = new List<Category>();
        Expect(ref reader, JsonTokenType.StartObject);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (Is(name, "system") && reader.TokenType == JsonTokenType.String)
                system = reader.GetString() ?? "";
            else if (Is(name, "categories") && reader.TokenType == JsonTokenType.StartArray)
                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                    categories.Add(ScanCategory(ref reader, json));
            else
                reader.Skip();
        }
        return new Document(system, categories);
    }

    private static Category ScanCategory(ref Utf8JsonReader reader, ReadOnlyMemory<byte> json)
    {
        string? name = null;
        ReadOnlyMemory<byte> records = "[]"u8.ToArray();
        var count = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.GetString();
            reader.Read();
            if (Is(property, "category") && reader.TokenType == JsonTokenType.String)
                name = reader.GetString();
            else if (Is(property, "records") && reader.TokenType == JsonTokenType.StartArray)
            {
                var start = (int)reader.TokenStartIndex;
                count = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    count++;
                    reader.Skip();
                }
                records = json[start..(int)reader.BytesConsumed];
            }
            else
                reader.Skip();
        }
        return new Category(name ?? "data", records, count);
    }

    // Each record of a category's slice in turn, until the callback returns false.
    public static void ForEachRecord(Category category, Func<Dictionary<string, string?>, bool> visit)
    {
        var reader = new Utf8JsonReader(category.RecordsJson.Span);
        Expect(ref reader, JsonTokenType.StartArray);
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            if (!visit(JsonSerializer.Deserialize<Dictionary<string, string?>>(ref reader, ExportUpload.Json) ?? []))
                return;
    }

    public static List<Dictionary<string, string?>> First(Category category, int rows)
    {
        var first = new List<Dictionary<string, string?>>(Math.Min(rows, category.Count));
        if (rows > 0)
            ForEachRecord(category, r => { first.Add(r); return first.Count < rows; });
        return first;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read() || reader.TokenType != type)
            throw new JsonException($"An export document must start with {type}.");
    }

    private static bool Is(string? name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);
}
