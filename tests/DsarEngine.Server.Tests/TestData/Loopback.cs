namespace DsarEngine.Server.Tests.TestData;

// Lets the engine under test call itself over "HTTP" (OpenDSR controller → processor → callback) through its own
// test server: the handler is plugged in once the server exists.
internal sealed class Loopback : DelegatingHandler
{
    public void Connect(HttpMessageHandler server) => InnerHandler = server;
}
