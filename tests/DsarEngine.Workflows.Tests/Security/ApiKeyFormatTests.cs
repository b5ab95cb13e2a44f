using DsarEngine.Workflows.Security;

namespace DsarEngine.Workflows.Tests.Security;

public sealed class ApiKeyFormatTests
{
    [Test]
    public void A_new_key_parses_back_to_its_id()
    {
        var (id, key) = ApiKeyFormat.New();
        Assert.That(ApiKeyFormat.TryParse(key, out var parsedId, out var secret), Is.True);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsedId, Is.EqualTo(id));
            Assert.That(secret, Has.Length.GreaterThanOrEqualTo(43));
            Assert.That(key, Does.StartWith("dsar_"));
        }
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("Bearer dsar_x")]
    [TestCase("dsar_notaguid_0123456789abcdef")]
    [TestCase("dsar_0193a0c4000070008000000000000001_short")]
    [TestCase("sk_0193a0c4000070008000000000000001_0123456789abcdef")]
    public void Malformed_keys_are_refused_without_a_lookup(string? key) =>
        Assert.That(ApiKeyFormat.TryParse(key, out _, out _), Is.False);
}
