using DsarEngine.Workflows.Definitions;

namespace DsarEngine.Workflows.Tests.Definitions;

// The folder itself: the schema must be there and enforceable (every rule it states is applied), and there must be
// something to load.
public sealed class SchemaFileTests
{
    private static string[] ErrorsWithSchema(string schema)
    {
        using var folder = new DefinitionFolder().With("access.json", DefinitionFolder.Definition()).With("definition.schema.json", schema);
        return folder.Errors();
    }

    // Draft 2020-12 would read an unknown keyword as an annotation: a misspelt rule would be enforced by nobody.
    [Test]
    public void A_misspelt_schema_keyword_refuses_the_schema() =>
        Assert.That(ErrorsWithSchema("""{ "$schema": "https://json-schema.org/draft/2020-12/schema", "properties": """
                + """{ "id": { "maxLenght": 5 } } }"""),
            Is.EqualTo(new[]
            {
                "definition.schema.json: (root): Not a valid JSON Schema: Unknown keywords (maxLenght) are disallowed for this dialect.",
            }));

    [Test]
    public void A_schema_keyword_with_a_value_of_the_wrong_shape_refuses_the_schema() =>
        Assert.That(new[] { """{ "minimum": "1" }""", """{ "type": "int" }""", "[]",
                """{ "properties": { "id": { "pattern": "[a-z" } } }""" }.SelectMany(ErrorsWithSchema), Is.EqualTo(new[]
        {
            "definition.schema.json: (root): Not a valid JSON Schema: 'minimum' value must be a number, found String",
            "definition.schema.json: (root): Not a valid JSON Schema: 'int' is not a valid JSON Schema value type",
            "definition.schema.json: (root): A JSON Schema is an object (or true or false).",
            "definition.schema.json: (root): Not a valid JSON Schema: Invalid pattern '[a-z' at offset 4. Unterminated [] set.",
        }));

    // The library itself would only fail once a definition reached the reference.
    [Test]
    public void A_schema_reference_that_leads_nowhere_refuses_the_schema() =>
        Assert.That(ErrorsWithSchema("""{ "$defs": { "step": true }, "items": """
            + """{ "$ref": "#/$defs/stpe" }, "not": { "$ref": "other.json#/x" } }"""), Is.EqualTo(new[]
        {
            "definition.schema.json: /items/$ref: '#/$defs/stpe' does not resolve to a schema.",
            "definition.schema.json: /not/$ref: 'other.json#/x' does not resolve to a schema.",
        }));

    // The library would recurse until the stack overflows, which ends the process without naming the file.
    [Test]
    public void References_that_loop_without_descending_into_the_document_refuse_the_schema() =>
        Assert.That(ErrorsWithSchema("""{ "$defs": { "a": { "allOf": [ { "$ref": "#/$defs/b" } ] }, "b": """
                + """{ "not": { "$ref": "#/$defs/a" } } }, "$ref": "#/$defs/a" }"""),
            Is.EqualTo(new[]
            {
                "definition.schema.json: /$defs/a: References loop without descending into the document "
                    + "(/$defs/a → /$defs/a/allOf/0 → /$defs/b → /$defs/b/not → /$defs/a).",
            }));

    [Test]
    public void A_schema_may_refer_to_itself_through_a_deeper_level()
    {
        using var folder = new DefinitionFolder().With("access.json", DefinitionFolder.Definition())
            .With("definition.schema.json", """{ "$defs": { "tree": { "type": ["object", "array", "string", "integer"], "items": """
                + """{ "$ref": "#/$defs/tree" }, "additionalProperties": { "$ref": "#/$defs/tree" } } }, "$ref": "#/$defs/tree" }""");
        Assert.That(folder.Load().All, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_format_in_the_schema_is_a_rule_not_only_an_annotation() =>
        Assert.That(ErrorsWithSchema("""{ "properties": { "id": { "format": "uuid" } } }"""),
            Is.EqualTo(new[] { "access.json: /id: \"access\" is not a valid uuid." }));

    [Test]
    public void A_format_the_validator_does_not_know_refuses_the_schema() =>
        Assert.That(ErrorsWithSchema("""{ "properties": { "id": { "format": "uuidd" } } }"""),
            Is.EqualTo(new[]
            {
                "definition.schema.json: /properties/id/format: 'uuidd' is not a format JsonSchema.Net knows, "
                    + "so it could not be enforced.",
            }));

    // A failing `if` only leaves its `then` unapplied; the branches of anyOf, oneOf and not are told in one sentence.
    [Test]
    public void Conditions_and_combinators_in_the_schema_are_told_in_one_sentence_each() =>
        Assert.That(ErrorsWithSchema("""
            { "properties": {
                "id": { "anyOf": [ { "type": "integer" }, { "type": "boolean" } ] },
                "version": { "oneOf": [ { "minimum": 0 }, { "minimum": 1 } ] },
                "rights": { "not": { "type": "array" } },
                "clock": { "if": { "type": "object" }, "then": { "required": ["x"] } },
                "steps": { "if": { "type": "object" }, "else": { "maxItems": 1 } } } }
            """), Is.EqualTo(new[]
        {
            "access.json: /id: Matches none of the 2 allowed shapes.",
            "access.json: /version: Matches 2 of the 2 allowed shapes; exactly one is required.",
            "access.json: /rights: Matches a shape that is not allowed here.",
            "access.json: /clock/x: Required.",
            "access.json: /steps: Allows at most 1 item(s), has 3.",
        }));

    // Engines in one process (and the tests) load the same schema, with the same $id, more than once.
    [Test]
    public void The_same_schema_loads_again_in_the_same_process()
    {
        using var folder = new DefinitionFolder().With("access.json", DefinitionFolder.Definition());
        Assert.That(new[] { folder.Load(), folder.Load() }.Select(c => c.All.Count), Is.EqualTo(new[] { 1, 1 }));
    }

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
        Assert.That(error!.Errors.Select(e => e.ToString()),
            Is.EqualTo(new[] { $"{missing}: (root): The workflows folder does not exist." }));
    }

    [Test]
    public void Other_files_beside_the_definitions_are_ignored()
    {
        using var folder = new DefinitionFolder().With("access.json", DefinitionFolder.Definition()).With("README.md", "not json");
        Assert.That(folder.Load().All, Has.Count.EqualTo(1));
    }
}
