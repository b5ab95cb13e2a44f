namespace DsarEngine.Workflows.Tests.Definitions.Schema;

public sealed class ScalarKeywordTests
{
    [TestCase("0", ": Must be at least 1, is 0.")]
    [TestCase("1", null)]
    [TestCase("90", null)]
    [TestCase("90.5", ": Must be at most 90, is 90.5.")]
    [TestCase("1e400", ": Must be at most 90, is 1e400.")]
    public void Minimum_and_maximum_are_inclusive(string value, string? error) =>
        Assert.That(Schemas.Errors("""{ "minimum": 1, "maximum": 90 }""", value), error is null ? Is.Empty : Is.EqualTo(new[] { error }));

    [Test]
    public void Lengths_count_characters_not_utf16_units() =>
        Assert.That(new[] { "\"ab\"", "\"😀😀\"", "\"a\"", "\"abc\"" }.SelectMany(v => Schemas.Errors("""{ "minLength": 2, "maxLength": 2 }""", v)),
            Is.EqualTo(new[] { ": Needs at least 2 character(s), has 1.", ": Allows at most 2 character(s), has 3." }));

    [Test]
    public void A_pattern_matches_anywhere_unless_anchored() =>
        Assert.That(new[] { "\"x-ray\"", "\"Xray\"" }.SelectMany(v => Schemas.Errors("""{ "pattern": "^[a-z][a-z-]*$" }""", v).Concat(Schemas.Errors("""{ "pattern": "ray" }""", v))),
            Is.EqualTo(new[] { ": \"Xray\" does not match ^[a-z][a-z-]*$." }));

    [Test]
    public void Enum_lists_the_allowed_values() =>
        Assert.That(Schemas.Errors("""{ "enum": ["email", "manual", 3] }""", "\"post\""), Is.EqualTo(new[] { ": \"post\" is not one of email, manual, 3." }));

    [Test]
    public void Enum_compares_json_values_not_text() =>
        Assert.That(Schemas.Errors("""{ "enum": [3, "manual"] }""", "3.0"), Is.Empty);

    [Test]
    public void Const_says_what_was_expected() =>
        Assert.That(new[] { "\"fan-out\"", "\"review\"" }.SelectMany(v => Schemas.Errors("""{ "const": "fan-out" }""", v)),
            Is.EqualTo(new[] { ": Must be \"fan-out\", not \"review\"." }));

    [Test]
    public void String_and_number_keywords_ignore_other_types() =>
        Assert.That(Schemas.Errors("""{ "minimum": 5, "maxLength": 1, "pattern": "^x$" }""", "[\"long\"]"), Is.Empty);
}
