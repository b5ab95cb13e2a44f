using DsarEngine.Workflows.Definitions;

namespace DsarEngine.Workflows.Tests.Definitions;

// The folder itself: the schema must be there and enforceable, and there must be something to load.
public sealed class SchemaFileTests
{
    private static string[] ErrorsWithSchema(string schema)
    {
        using var folder = new DefinitionFolder().With("access.json", DefinitionFolder.Definition()).With("definition.schema.json", schema);
        return folder.Errors();
    }

    [Test]
    public void A_schema_keyword_the_validator_does_not_implement_refuses_the_schema() =>
        Assert.That(ErrorsWithSchema("""{ "type": "object", "properties": { "id": { "format": "uuid" } } }"""),
            Is.EqualTo(new[] { "definition.schema.json: /properties/id/format: Keyword 'format' is not supported by this validator, so it could not be enforced." }));

    [Test]
    public void A_schema_reference_that_leads_nowhere_refuses_the_schema() =>
        Assert.That(ErrorsWithSchema("""{ "$defs": { "step": true }, "items": { "$ref": "#/$defs/stpe" }, "not": { "$ref": "other.json#/x" } }"""), Is.EqualTo(new[]
        {
            "definition.schema.json: /items/$ref: '#/$defs/stpe' does not resolve: only '#/$defs/<name>' references to an existing definition are supported.",
            "definition.schema.json: /not/$ref: 'other.json#/x' does not resolve: only '#/$defs/<name>' references to an existing definition are supported.",
        }));

    [Test]
    public void A_missing_schema_stops_the_host()
    {
        using var folder = new DefinitionFolder().With("access.json", DefinitionFolder.Definition());
        File.Delete(Path.Combine(folder.Directory.FullName, "definition.schema.json"));
        Assert.That(folder.Errors(), Is.EqualTo(new[] { $"definition.schema.json: (root): Missing from {folder.Directory.FullName}." }));
    }

    [Test]
    public void A_folder_with_only_the_schema_stops_the_host()
    {
        using var folder = new DefinitionFolder();
        Assert.That(folder.Errors(), Has.One.EndsWith("No workflow definitions (*.json besides definition.schema.json)."));
    }

    [Test]
    public void A_missing_folder_stops_the_host()
    {
        using var folder = new DefinitionFolder();
        var missing = Path.Combine(folder.Directory.FullName, "nowhere");
        var error = Assert.Throws<DefinitionException>(() => DefinitionLoader.LoadDirectory(missing));
        Assert.That(error!.Errors.Select(e => e.ToString()), Is.EqualTo(new[] { $"{missing}: (root): The workflows folder does not exist." }));
    }

    [Test]
    public void Other_files_beside_the_definitions_are_ignored()
    {
        using var folder = new DefinitionFolder().With("access.json", DefinitionFolder.Definition()).With("README.md", "not json");
        Assert.That(folder.Load().All, Has.Count.EqualTo(1));
    }
}
