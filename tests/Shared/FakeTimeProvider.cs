namespace DsarEngine.Tests.Shared;

// The testing package's FakeTimeProvider is not obtainable here; this is all the tests need of it.
internal sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;

    public void Set(DateTimeOffset to) => now = to;
}
