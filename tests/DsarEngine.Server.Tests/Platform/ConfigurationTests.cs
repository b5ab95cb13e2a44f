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
    [TestCase("Dsar:Role", "renderer", "Dsar:Role must be 'all', 'engine'")]
    [TestCase("Dsar:Packs:RenderRetries", "11", "Dsar:Packs:RenderRetries must be between 0 and 10.")]
    [TestCase("Dsar:Network:KnownProxies:0", "proxy.example", "Dsar:Network:KnownProxies: 'proxy.example' is not an IP address.")]
    [TestCase("Dsar:Network:KnownNetworks:0", "10.0.0.0/33", "Dsar:Network:KnownNetworks: '10.0.0.0/33' is not a CIDR range")]
    [TestCase("Dsar:Network:MaxRequestBodyBytes", "1000",
        "Dsar:Network:MaxRequestBodyBytes must be between 65536 (64 KiB) and 268435456 (256 MiB).")]
    [TestCase("Dsar:RateLimits:PackCodesPerHour", "0", "Dsar:RateLimits:PackCodesPerHour must be between 1 and 100.")]
    [TestCase("Dsar:Portal:SessionMinutes", "2", "Dsar:Portal:SessionMinutes must be between 5 and 1440.")]
    [TestCase("Dsar:Portal:LinkDaysAfterClose", "0", "Dsar:Portal:LinkDaysAfterClose must be between 1 and 3650.")]
    [TestCase("Dsar:Demo:SampleRequests", "-1", "Dsar:Demo:SampleRequests must be between 0 and 500.")]
    [TestCase("Dsar:Demo:NewsletterUrl", "newsletter.local", "Dsar:Demo:NewsletterUrl must be an absolute http:// or https:// URL.")]
    [TestCase("Dsar:Demo:ShopOrigin", "http://localhost:5091/privacy",
        "Dsar:Demo:ShopOrigin must be an origin (scheme://host[:port], no path), e.g. http://localhost:5091.")]
    [TestCase("Dsar:Telemetry:OtlpEndpoint", "collector:4318", "Dsar:Telemetry:OtlpEndpoint must be an absolute http or https address")]
    [TestCase("Dsar:Telemetry:OtlpProtocol", "udp", "Dsar:Telemetry:OtlpProtocol must be http/protobuf or grpc, not 'udp'.")]
    [TestCase("Dsar:Telemetry:SampleSeconds", "1", "Dsar:Telemetry:SampleSeconds must be between 5 and 3600.")]
    public async Task A_bad_setting_stops_start_up_with_a_precise_message(string key, string value, string message)
    {
        var engine = new EngineFactory("Host=127.0.0.1;Database=unused", new Dictionary<string, string?> { [key] = value });
        var error = Assert.Catch(() => _ = engine.Server);
        Assert.That(error, Is.InstanceOf<OptionsValidationException>().Or.InnerException.InstanceOf<OptionsValidationException>());
        Assert.That(error!.ToString(), Does.Contain(message));
        await engine.DisposeAsync();
    }

    [Test]
    public async Task A_broken_workflow_definition_stops_start_up_naming_the_file_and_path()
    {
        var folder = Directory.CreateTempSubdirectory("dsar-defs");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "workflows", "definition.schema.json"),
            Path.Combine(folder.FullName, "definition.schema.json"));
        File.WriteAllText(Path.Combine(folder.FullName, "access.json"), """
            { "id": "access", "version": 1, "rights": ["access"], "clock": { "remindDaysBefore": [7], "escalateDaysAfter": 0 },
              "steps": [ { "id": "collect", "type": "fan-out", "action": "wipe" }, { "id": "close", "type": "close" } ] }
            """);
        var engine = new EngineFactory("Host=127.0.0.1;Database=unused",
            new Dictionary<string, string?> { ["Dsar:Runtime:DefinitionsPath"] = folder.FullName });
        var error = Assert.Catch(() => _ = engine.Server);
        Assert.That(error!.ToString(), Does.Contain("access.json: /steps/0/action: \"wipe\" is not one of"));
        await engine.DisposeAsync();
        folder.Delete(recursive: true);
    }
}
