using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Tests.Platform;

// Bad configuration stops the engine at start-up with a message that says what to fix.
public sealed class ConfigurationTests
{
    [TestCase("Dsar:Security:TokenKey", "", "Dsar:Security:TokenKey must be a base64 key of at least 32 bytes")]
    [TestCase("Dsar:Security:TokenKey", "c2hvcnQ=", "Dsar:Security:TokenKey must be a base64 key of at least 32 bytes")]
    [TestCase("Dsar:Bus:Url", "http://broker", "Dsar:Bus:Url must be an amqp:// or amqps:// URL.")]
    [TestCase("Dsar:Intake:MaxBodyBytes", "10", "Dsar:Intake:MaxBodyBytes must be between 4096 and 1048576.")]
    [TestCase("Dsar:Security:AllowedOrigins:0", "https://shop.example.com/path", "is not an origin")]
    public async Task A_bad_setting_stops_start_up_with_a_precise_message(string key, string value, string message)
    {
        var engine = new EngineFactory("Host=127.0.0.1;Database=unused", new Dictionary<string, string?> { [key] = value });
        var error = Assert.Catch(() => _ = engine.Server);
        Assert.That(error, Is.InstanceOf<OptionsValidationException>().Or.InnerException.InstanceOf<OptionsValidationException>());
        Assert.That(error!.ToString(), Does.Contain(message));
        await engine.DisposeAsync();
    }
}
