using DsarEngine.Connectors.Contracts;
using System.Text.Json;
using DsarEngine.Workflows.Definitions;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Tests.Definitions;

// The schema and the C# vocabulary are two spellings of one list: a step type, action, event or right the schema
// accepts must exist in code, and everything in code must be writable in a definition.
public sealed class VocabularyTests
{
    private static JsonElement Defs()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(DefinitionFolder.Shipped, DefinitionLoader.SchemaFile)));
        return schema.RootElement.GetProperty("$defs").Clone();
    }

    private static string[] Enum(JsonElement schema) => [.. schema.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!)];

    [Test]
    public void The_schema_accepts_exactly_the_step_types_the_runtime_implements() =>
        Assert.That(Enum(Defs().GetProperty("step").GetProperty("properties").GetProperty("type")), Is.EquivalentTo(StepTypes.All));

    [Test]
    public void The_schema_accepts_exactly_the_known_connector_actions() =>
        Assert.That(Enum(Defs().GetProperty("fan-out").GetProperty("properties").GetProperty("action")),
            Is.EquivalentTo(ConnectorActions.All));

    [Test]
    public void The_schema_accepts_exactly_the_known_events() =>
        Assert.That(Enum(Defs().GetProperty("publish-event").GetProperty("properties").GetProperty("event")),
            Is.EquivalentTo(EventNames.All));

    [Test]
    public void The_schema_accepts_exactly_the_rights_the_intake_accepts()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(DefinitionFolder.Shipped, DefinitionLoader.SchemaFile)));
        Assert.That(Enum(schema.RootElement.GetProperty("properties").GetProperty("rights").GetProperty("items")),
            Is.EquivalentTo(Rights.Slugs));
    }
}
