namespace DsarEngine.Workflows.Tests.Definitions.Schema;

public sealed class CombinatorKeywordTests
{
    [Test]
    public void AllOf_reports_the_errors_of_every_branch() =>
        Assert.That(Schemas.Errors("""{ "allOf": [ { "minimum": 5 }, { "maximum": 1 }, { "type": "integer" } ] }""", "3"),
            Is.EqualTo(new[] { ": Must be at least 5, is 3.", ": Must be at most 1, is 3." }));

    [Test]
    public void AnyOf_passes_when_one_branch_does() =>
        Assert.That(new[] { "1", "\"x\"", "true" }.SelectMany(v => Schemas.Errors("""{ "anyOf": [ { "type": "integer" }, { "type": "string" } ] }""", v)),
            Is.EqualTo(new[] { ": Matches none of the 2 allowed shapes." }));

    [Test]
    public void OneOf_needs_exactly_one_matching_branch() =>
        Assert.That(new[] { "5", "15", "-1" }.SelectMany(v => Schemas.Errors("""{ "oneOf": [ { "minimum": 0 }, { "minimum": 10 } ] }""", v)),
            Is.EqualTo(new[] { ": Matches 2 of the 2 allowed shapes; exactly one is required.", ": Matches 0 of the 2 allowed shapes; exactly one is required." }));

    [Test]
    public void Not_refuses_what_its_schema_accepts() =>
        Assert.That(new[] { "\"a\"", "1" }.SelectMany(v => Schemas.Errors("""{ "not": { "type": "string" } }""", v)),
            Is.EqualTo(new[] { ": Matches a shape that is not allowed here." }));

    [Test]
    public void If_chooses_then_or_else_and_reports_at_the_real_path()
    {
        const string schema = """
            { "if": { "properties": { "type": { "const": "fan-out" } } }, "then": { "required": ["action"] }, "else": { "properties": { "action": false } } }
            """;
        Assert.That(new[] { """{ "type": "fan-out" }""", """{ "type": "review", "action": "x" }""", """{ "type": "fan-out", "action": "x" }""" }
                .SelectMany(v => Schemas.Errors(schema, v)),
            Is.EqualTo(new[] { "/action: Required.", "/action: Not allowed here." }));
    }

    [Test]
    public void Then_without_if_is_ignored_as_the_specification_says() =>
        Assert.That(Schemas.Errors("""{ "then": false }""", "1"), Is.Empty);

    [Test]
    public void The_false_schema_refuses_everything_and_true_accepts_everything() =>
        Assert.That(Schemas.Errors("""{ "properties": { "no": false, "yes": true } }""", """{ "no": null, "yes": [1] }"""), Is.EqualTo(new[] { "/no: Not allowed here." }));
}
