using System.Text;

namespace DsarEngine.Connectors.Sdk.Tests.Http;

// Verify runs on untrusted headers, in the engine and in every connector: crafted ones are refused, never thrown on.
public sealed class HttpTaskSignatureTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("a-test-secret-of-at-least-thirty-two-bytes");
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"outcome":"done"}""");
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_fresh_signature_verifies()
    {
        Assert.That(HttpTaskSignature.Verify(HttpTaskSignature.Sign(Secret, Now, Body), Secret, Body, Now, TimeSpan.FromMinutes(5)),
            Is.True);
    }

    [Test]
    public void A_header_naming_t_twice_is_refused_even_when_one_of_them_is_right()
    {
        var good = HttpTaskSignature.Sign(Secret, Now, Body);
        var v1 = good[(good.IndexOf("v1=", StringComparison.Ordinal) + 3)..];
        var t = Now.ToUnixTimeSeconds();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(HttpTaskSignature.Verify($"t={t},t={t},v1={v1}", Secret, Body, Now, TimeSpan.FromMinutes(5)), Is.False);
            Assert.That(HttpTaskSignature.Verify($"t=1,t={t},v1={v1}", Secret, Body, Now, TimeSpan.FromMinutes(5)), Is.False);
            Assert.That(HttpTaskSignature.Verify($"t={t},v1={v1},v1={v1}", Secret, Body, Now, TimeSpan.FromMinutes(5)), Is.False);
        }
    }

    [TestCase("9223372036854775807")]
    [TestCase("253402300800")]
    [TestCase("99999999999999999999")]
    public void A_timestamp_beyond_the_calendar_is_refused(string t)
    {
        var header = $"t={t},v1={new string('a', 64)}";
        Assert.That(HttpTaskSignature.Verify(header, Secret, Body, Now, TimeSpan.FromMinutes(5)), Is.False);
    }

    [Test]
    public void A_signature_older_than_the_tolerance_is_refused()
    {
        var old = HttpTaskSignature.Sign(Secret, Now.AddMinutes(-6), Body);
        Assert.That(HttpTaskSignature.Verify(old, Secret, Body, Now, TimeSpan.FromMinutes(5)), Is.False);
    }
}
