using System.Text.Json;
using DsarEngine.Workflows.Definitions.Schema;

namespace DsarEngine.Workflows.Tests.Definitions.Schema;

// Runs the validator on literal schemas and values, giving errors as "<pointer>: <message>".
internal static class Schemas
{
    public static string[] Errors(string schema, string value)
    {
        using var schemaDocument = JsonDocument.Parse(schema);
        using var valueDocument = JsonDocument.Parse(value);
        Assert.That(SubsetSchema.TryLoad(schemaDocument.RootElement, out var loaded, out var problems), Is.True, () => string.Join("; ", problems));
        return [.. loaded!.Validate(valueDocument.RootElement).Select(e => $"{e.Path}: {e.Message}")];
    }

    public static string[] Refusals(string schema)
    {
        using var schemaDocument = JsonDocument.Parse(schema);
        Assert.That(SubsetSchema.TryLoad(schemaDocument.RootElement, out var loaded, out var problems), Is.False);
        Assert.That(loaded, Is.Null);
        return [.. problems.Select(e => $"{e.Path}: {e.Message}")];
    }
}
