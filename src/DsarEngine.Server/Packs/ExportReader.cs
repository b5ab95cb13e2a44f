using System.Text.Json;
using DsarEngine.Connectors;
using DsarEngine.Workflows.Packs;

namespace DsarEngine.Server.Packs;

// Reads a connector's export document (the JSON of an ExportDocument, as unsealed from the claim-check store) without
// materialising its records: a scan finds each category's records array as a slice of the bytes and counts it; the
// letter then parses only its first rows, and the portability archive copies the JSON as it is and writes the CSV one
// record at a time. A 100,000-record export costs its bytes and a few rows, not 100,000 dictionaries.
internal static class ExportReader
{
    // Scope and RecordScopes: what the connector said about the category and about single records (GDPR Art. 20;
    // ExportedCategory.LegalBasis, Origin, Automated, ConcernsOthers, Scopes).
    public sealed record Category(string Name, ReadOnlyMemory<byte> RecordsJson, int Count)
    {
        public PortabilityScope.Facts Scope { get; init; } = PortabilityScope.Facts.None;

        public IReadOnlyDictionary<int, PortabilityScope.Facts> RecordScopes { get; init; } = new Dictionary<int, PortabilityScope.Facts>();
    }

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
        var scope = PortabilityScope.Facts.None;
        var scopes = new Dictionary<int, PortabilityScope.Facts>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.GetString();
            reader.Read();
            if (Is(property, "category") && reader.TokenType == JsonTokenType.String)
                name = reader.GetString();
            else if (ScopeFact(ref reader, property, scope) is { } stated)
                scope = stated;
            else if (Is(property, "scopes") && reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.StartObject)
                        reader.Skip();
                    else if (RecordScope(ref reader) is { } one)
                        scopes[one.Record] = one.Facts;
                }
            }
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
        return new Category(name ?? "data", records, count) { Scope = scope, RecordScopes = scopes };
    }

    // One of the scope's properties, the reader on its value; null (the value unread) for any other property.
    private static PortabilityScope.Facts? ScopeFact(ref Utf8JsonReader reader, string? property, PortabilityScope.Facts facts)
    {
        if (!(Is(property, "legalBasis") || Is(property, "origin") || Is(property, "automated") || Is(property, "concernsOthers")))
            return null;
        // A value of the wrong shape (an object, an array) counts as unsaid, and is passed over.
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            reader.Skip();
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        bool? flag = reader.TokenType switch { JsonTokenType.True => true, JsonTokenType.False => false, _ => null };
        if (Is(property, "legalBasis"))
            return facts with { LegalBasis = text };
        if (Is(property, "origin"))
            return facts with { Origin = text };
        if (Is(property, "automated"))
            return facts with { Automated = flag };
        return facts with { ConcernsOthers = flag };
    }

    private static (int Record, PortabilityScope.Facts Facts)? RecordScope(ref Utf8JsonReader reader)
    {
        int? record = null;
        var facts = PortabilityScope.Facts.None;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.GetString();
            reader.Read();
            if (Is(property, "record") && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var at))
                record = at;
            else if (ScopeFact(ref reader, property, facts) is { } stated)
                facts = stated;
            else
                reader.Skip();
        }
        return record is { } r ? (r, facts) : null;
    }

    // The category with only the records keep(i) accepts, as a new JSON array of the same records' bytes.
    public static Category Only(Category category, Func<int, bool> keep)
    {
        var reader = new Utf8JsonReader(category.RecordsJson.Span);
        Expect(ref reader, JsonTokenType.StartArray);
        using var kept = new MemoryStream();
        kept.WriteByte((byte)'[');
        var (index, count) = (0, 0);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            if (keep(index++))
            {
                if (count++ > 0)
                    kept.WriteByte((byte)',');
                kept.Write(category.RecordsJson.Span[start..(int)reader.BytesConsumed]);
            }
        }
        kept.WriteByte((byte)']');
        return category with { RecordsJson = kept.ToArray(), Count = count };
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
