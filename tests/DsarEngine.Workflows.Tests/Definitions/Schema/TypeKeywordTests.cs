namespace DsarEngine.Workflows.Tests.Definitions.Schema;

public sealed class TypeKeywordTests
{
    [TestCase("object", "{}")]
    [TestCase("array", "[]")]
    [TestCase("string", "\"x\"")]
    [TestCase("integer", "3")]
    [TestCase("number", "3.5")]
    [TestCase("boolean", "false")]
    [TestCase("null", "null")]
    public void A_value_of_the_named_type_passes(string type, string value) =>
        Assert.That(Schemas.Errors($$"""{ "type": "{{type}}" }""", value), Is.Empty);

    [TestCase("object", "[]", "Expected object, found array.")]
    [TestCase("string", "1", "Expected string, found number 1.")]
    [TestCase("integer", "\"1\"", "Expected integer, found string \"1\".")]
    [TestCase("integer", "1.5", "Expected integer, found number 1.5.")]
    [TestCase("boolean", "0", "Expected boolean, found number 0.")]
    [TestCase("null", "true", "Expected null, found boolean true.")]
    public void A_value_of_another_type_is_named_with_what_was_found(string type, string value, string message) =>
        Assert.That(Schemas.Errors($$"""{ "type": "{{type}}" }""", value), Is.EqualTo(new[] { $": {message}" }));

    [Test]
    public void An_integer_written_with_a_fraction_is_refused_because_the_mapping_reads_it_as_written() =>
        Assert.That(Schemas.Errors("""{ "type": "integer" }""", "1.0"), Is.EqualTo(new[] { ": Expected integer, found number 1.0." }));

    [Test]
    public void A_list_of_types_accepts_any_of_them() =>
        Assert.That(
            new[] { "\"x\"", "null", "1" }.Select(v => Schemas.Errors("""{ "type": ["string", "null"] }""", v)),
            Is.EqualTo(new[] { Array.Empty<string>(), [], [": Expected string or null, found number 1."] }));

    [Test]
    public void A_wrong_type_stops_the_other_checks_on_that_value() =>
        Assert.That(Schemas.Errors("""{ "type": "string", "minLength": 5, "enum": ["abcdef"] }""", "3"), Is.EqualTo(new[] { ": Expected string, found number 3." }));
}
