namespace DsarEngine.Workflows.Tests.Definitions.Schema;

public sealed class RefKeywordTests
{
    [Test]
    public void A_ref_applies_the_named_definition_at_the_current_path() =>
        Assert.That(Schemas.Errors("""{ "$defs": { "hours": { "type": "integer", "minimum": 1 } }, "items": { "$ref": "#/$defs/hours" } }""", "[1, 0]"),
            Is.EqualTo(new[] { "/1: Must be at least 1, is 0." }));

    [Test]
    public void Keywords_beside_a_ref_apply_too() =>
        Assert.That(Schemas.Errors("""{ "$defs": { "small": { "maximum": 5 } }, "$ref": "#/$defs/small", "minimum": 3 }""", "9"),
            Is.EqualTo(new[] { ": Must be at most 5, is 9." }));

    [Test]
    public void A_definition_name_with_a_slash_is_reached_through_its_escaped_pointer() =>
        Assert.That(Schemas.Errors("""{ "$defs": { "a/b": { "type": "string" } }, "$ref": "#/$defs/a~1b" }""", "1"),
            Is.EqualTo(new[] { ": Expected string, found number 1." }));

    [Test]
    public void A_definition_may_refer_to_itself_through_a_deeper_level() =>
        Assert.That(Schemas.Errors("""{ "$defs": { "tree": { "type": "array", "items": { "$ref": "#/$defs/tree" } } }, "$ref": "#/$defs/tree" }""", "[[[]], [1]]"),
            Is.EqualTo(new[] { "/1/0: Expected array, found number 1." }));
}
