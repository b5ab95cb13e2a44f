using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Tests.Requests;

public sealed class PublicReferenceTests
{
    [Test]
    public void References_are_well_formed_and_do_not_repeat()
    {
        var references = Enumerable.Range(0, 10_000).Select(_ => PublicReference.New()).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(references, Has.All.Matches<string>(PublicReference.IsWellFormed));
            Assert.That(references, Is.Unique);
            // Crockford base32 leaves out I, L, O and U, which are misread over the phone.
            Assert.That(string.Concat(references).Intersect("ILOU"), Is.Empty);
        }
    }

    [TestCase("DSR-7KQ2-M9XD-4TPA", true)]
    [TestCase("DSR-7KQ2-M9XD-4TPU", false)]
    [TestCase("DSR-7KQ2M9XD-4TPA-", false)]
    [TestCase("7KQ2-M9XD-4TPA", false)]
    [TestCase("", false)]
    public void Well_formedness_is_checked_before_any_lookup(string value, bool expected) =>
        Assert.That(PublicReference.IsWellFormed(value), Is.EqualTo(expected));
}
