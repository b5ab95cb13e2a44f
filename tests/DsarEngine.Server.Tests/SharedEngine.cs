namespace DsarEngine.Server.Tests;

// One engine for the tests that need nothing special; they isolate by creating their own tenants.
[SetUpFixture]
public sealed class SharedEngine
{
    internal static EngineFactory Engine { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task Start() => Engine = await EngineFactory.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await Engine.DisposeAsync();
}
