namespace DsarEngine.Workflows.Tests.Definitions.Schema;

public sealed class ObjectKeywordTests
{
    private const string Step = """
        { "type": "object", "required": ["id", "type"], "additionalProperties": false,
          "properties": { "id": { "type": "string" }, "type": { "type": "string" }, "hours": { "type": "integer" } } }
        """;

    [Test]
    public void Properties_are_validated_at_their_own_path() =>
        Assert.That(Schemas.Errors(Step, """{ "id": "a", "type": "b", "hours": "x" }"""), Is.EqualTo(new[] { "/hours: Expected integer, found string \"x\"." }));

    [Test]
    public void A_missing_required_member_is_reported_where_it_should_be() =>
        Assert.That(Schemas.Errors(Step, """{ "hours": 1 }"""), Is.EqualTo(new[] { "/id: Required.", "/type: Required." }));

    [Test]
    public void A_member_not_listed_is_refused_when_additional_properties_is_false() =>
        Assert.That(Schemas.Errors(Step, """{ "id": "a", "type": "b", "extra": 1 }"""), Is.EqualTo(new[] { "/extra: Unknown property 'extra'." }));

    [Test]
    public void Unlisted_members_are_checked_against_an_additional_properties_schema() =>
        Assert.That(Schemas.Errors("""{ "properties": { "a": true }, "additionalProperties": { "type": "integer" } }""", """{ "a": "x", "b": 1, "c": "y" }"""),
            Is.EqualTo(new[] { "/c: Expected integer, found string \"y\"." }));

    [Test]
    public void Unlisted_members_pass_when_additional_properties_is_absent() =>
        Assert.That(Schemas.Errors("""{ "properties": { "a": { "type": "string" } } }""", """{ "b": 1 }"""), Is.Empty);

    [Test]
    public void Member_names_are_escaped_in_the_pointer() =>
        Assert.That(Schemas.Errors("""{ "additionalProperties": false }""", """{ "a/b~c": 1 }"""), Is.EqualTo(new[] { "/a~1b~0c: Unknown property 'a/b~c'." }));

    [Test]
    public void Object_keywords_ignore_values_that_are_not_objects() =>
        Assert.That(Schemas.Errors("""{ "required": ["id"], "additionalProperties": false }""", "[1]"), Is.Empty);
}
