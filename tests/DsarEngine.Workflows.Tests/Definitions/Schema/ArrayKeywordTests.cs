namespace DsarEngine.Workflows.Tests.Definitions.Schema;

public sealed class ArrayKeywordTests
{
    [Test]
    public void Items_are_validated_at_their_index() =>
        Assert.That(Schemas.Errors("""{ "items": { "type": "integer" } }""", """[1, "two", 3, null]"""),
            Is.EqualTo(new[] { "/1: Expected integer, found string \"two\".", "/3: Expected integer, found null." }));

    [TestCase("[]", false)]
    [TestCase("[1]", true)]
    [TestCase("[1, 2]", true)]
    [TestCase("[1, 2, 3]", false)]
    public void MinItems_and_maxItems_bound_the_length_inclusively(string value, bool passes) =>
        Assert.That(Schemas.Errors("""{ "minItems": 1, "maxItems": 2 }""", value), passes ? Is.Empty : Has.Length.EqualTo(1));

    [Test]
    public void The_bounds_say_how_many_there_are() =>
        Assert.That(new[] { "[]", "[1, 2, 3]" }.SelectMany(v => Schemas.Errors("""{ "minItems": 1, "maxItems": 2 }""", v)),
            Is.EqualTo(new[] { ": Needs at least 1 item(s), has 0.", ": Allows at most 2 item(s), has 3." }));

    [Test]
    public void UniqueItems_names_each_repeat_and_compares_values_not_spelling() =>
        Assert.That(Schemas.Errors("""{ "uniqueItems": true }""", """[7, 2, 7, { "a": 1 }, { "a": 1.0 }]"""),
            Is.EqualTo(new[] { "/2: 7 appears more than once.", "/4: { \"a\": 1.0 } appears more than once." }));

    [Test]
    public void UniqueItems_false_allows_repeats() =>
        Assert.That(Schemas.Errors("""{ "uniqueItems": false }""", "[1, 1]"), Is.Empty);
}
