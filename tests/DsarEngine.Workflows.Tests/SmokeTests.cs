namespace DsarEngine.Workflows.Tests;

public sealed class SmokeTests
{
    [Test]
    public void Addition_works() => Assert.That(1 + 1, Is.EqualTo(2));
}
