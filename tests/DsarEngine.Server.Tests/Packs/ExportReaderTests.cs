using System.Text;
using System.Text.Json;
using DsarEngine.Connectors;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Packs;

namespace DsarEngine.Server.Tests.Packs;

// The export scan behind the letter and the portability archive: counts and slices without parsing every record.
public sealed class ExportReaderTests
{
    private static byte[] Document(int records) => JsonSerializer.SerializeToUtf8Bytes(new ExportDocument("crm", "Sales CRM",
    [
        new ExportedCategory("orders", [.. Enumerable.Range(1, records)
            .Select(i => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
            {
                ["order"] = $"O-{i}", ["city"] = "Санкт-Петербург",
            })]),
        new ExportedCategory("notes", []),
    ]), ExportUpload.Json);

    [Test]
    public void A_scan_finds_each_category_its_count_and_its_records_as_they_were_sent()
    {
        var document = ExportReader.Scan(Document(1234));
        var orders = document.Categories[0];
        var parsed = JsonSerializer.Deserialize<List<Dictionary<string, string>>>(orders.RecordsJson.Span)!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.System, Is.EqualTo("Sales CRM"));
            Assert.That(document.Categories.Select(c => (c.Name, c.Count)), Is.EqualTo(new[] { ("orders", 1234), ("notes", 0) }));
            Assert.That(parsed, Has.Count.EqualTo(1234));
            Assert.That(parsed[^1]["order"], Is.EqualTo("O-1234"));
            Assert.That(ExportReader.First(orders, 3).Select(r => r["order"]), Is.EqualTo(new[] { "O-1", "O-2", "O-3" }));
            Assert.That(ExportReader.First(orders, 3)[0]["city"], Is.EqualTo("Санкт-Петербург"));
        }
    }

    [Test]
    public void Property_names_in_any_case_and_order_are_read_and_unknown_ones_skipped()
    {
        var json = """{"Categories":"""
            + """[{"Records":[{"a":"1"},{"a":"2"}],"extra":{"x":[1,2]},"Category":"late-name"}],"connector":"x","SYSTEM":"Billing"}""";
        var document = ExportReader.Scan(Encoding.UTF8.GetBytes(json));
        Assert.That(document.System, Is.EqualTo("Billing"));
        Assert.That(document.Categories.Single(), Has.Property("Name").EqualTo("late-name").And.Property("Count").EqualTo(2));
    }

    [TestCase("[]")]
    [TestCase("{\"categories\":[{\"records\":[{\"a\":")]
    public void A_broken_document_is_an_error_not_an_empty_export(string json) =>
        Assert.That(() => ExportReader.Scan(Encoding.UTF8.GetBytes(json)), Throws.InstanceOf<JsonException>());
}
