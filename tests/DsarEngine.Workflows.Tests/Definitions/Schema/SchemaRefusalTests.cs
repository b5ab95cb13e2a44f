using System.Text.Json;
using DsarEngine.Workflows.Definitions;
using DsarEngine.Workflows.Definitions.Schema;

namespace DsarEngine.Workflows.Tests.Definitions.Schema;

// A schema the validator could not enforce faithfully is refused when loaded, never half-applied.
public sealed class SchemaRefusalTests
{
    [Test]
    public void The_shipped_schema_uses_only_what_the_validator_implements()
    {
        using var shipped = JsonDocument.Parse(File.ReadAllText(Path.Combine(DefinitionFolder.Shipped, DefinitionLoader.SchemaFile)));
        Assert.That(SubsetSchema.TryLoad(shipped.RootElement, out _, out var problems), Is.True, () => string.Join("; ", problems));
    }

    [Test]
    public void An_unknown_keyword_is_refused_wherever_it_hides() =>
        Assert.That(Schemas.Refusals("""{ "allOf": [ { "items": { "patternProperties": {} } } ], "$defs": { "d": { "dependentRequired": {} } } }"""), Is.EqualTo(new[]
        {
            "/allOf/0/items/patternProperties: Keyword 'patternProperties' is not supported by this validator, so it could not be enforced.",
            "/$defs/d/dependentRequired: Keyword 'dependentRequired' is not supported by this validator, so it could not be enforced.",
        }));

    [Test]
    public void A_keyword_with_a_value_of_the_wrong_shape_is_refused() =>
        Assert.That(Schemas.Refusals("""{ "minimum": "1", "required": "id", "type": "int", "items": [ {} ], "uniqueItems": 1, "minItems": -1, "enum": [] }"""), Is.EqualTo(new[]
        {
            "/minimum: Must be a number.",
            "/required: Must be an array of strings.",
            "/type: Must be one of object, array, string, integer, number, boolean, null, or a non-empty array of them.",
            "/items: Must be a schema (an object or a boolean).",
            "/uniqueItems: Must be true or false.",
            "/minItems: Must be a non-negative integer.",
            "/enum: Must be a non-empty array.",
        }));

    [Test]
    public void A_pattern_that_is_not_a_regular_expression_is_refused() =>
        Assert.That(Schemas.Refusals("""{ "properties": { "id": { "pattern": "[a-z" } } }"""), Has.One.StartsWith("/properties/id/pattern: Not a valid regular expression:"));

    [Test]
    public void A_reference_outside_the_local_definitions_or_to_a_missing_one_is_refused() =>
        Assert.That(Schemas.Refusals("""{ "$defs": { "a": true }, "anyOf": [ { "$ref": "#/$defs/b" }, { "$ref": "https://example.com/s.json" }, { "$ref": "#/properties/x" } ] }"""),
            Has.Length.EqualTo(3).And.All.Contain("does not resolve"));

    [Test]
    public void References_that_loop_without_descending_into_the_document_are_refused() =>
        Assert.That(Schemas.Refusals("""{ "$defs": { "a": { "allOf": [ { "$ref": "#/$defs/b" } ] }, "b": { "not": { "$ref": "#/$defs/a" } } }, "$ref": "#/$defs/a" }"""),
            Is.EqualTo(new[] { "/$defs/a: References loop without descending into the document (a → b → a)." }));

    [Test]
    public void Another_draft_is_refused_rather_than_read_as_2020_12() =>
        Assert.That(Schemas.Refusals("""{ "$schema": "http://json-schema.org/draft-07/schema#" }"""),
            Is.EqualTo(new[] { "/$schema: Only draft 2020-12 (\"https://json-schema.org/draft/2020-12/schema\") is implemented." }));

    [Test]
    public void A_schema_that_is_neither_an_object_nor_a_boolean_is_refused() =>
        Assert.That(Schemas.Refusals("""{ "properties": { "id": "string" } }"""), Is.EqualTo(new[] { "/properties/id: A schema must be an object or a boolean." }));
}
