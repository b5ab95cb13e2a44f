using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DsarEngine.Connectors.Sdk.Tests.Hosting;

public sealed class OptionsValidationTests
{
    [TestCase("", "DsarConnectorOptions.Name must match ^[a-z0-9][a-z0-9-]{1,62}$")]
    [TestCase("CRM", "it was 'CRM'")]
    [TestCase("-crm", "it was '-crm'")]
    [TestCase("c", "it was 'c'")]
    public void A_bad_name_stops_the_host_naming_the_pattern(string name, string expected) =>
        Assert.That(StartFailure(o => o.Name = name), Does.Contain(expected));

    [Test]
    public void A_name_of_63_characters_is_accepted_and_one_of_64_is_not()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Validate(o => o.Name = new string('a', 63)).Succeeded, Is.True);
            Assert.That(Validate(o => o.Name = new string('a', 64)).FailureMessage, Does.Contain("DsarConnectorOptions.Name"));
        }
    }

    [Test]
    public void A_missing_broker_stops_the_host() =>
        Assert.That(StartFailure(o => o.Broker = null), Does.Contain("DsarConnectorOptions.Broker is required"));

    [Test]
    public void A_broker_that_is_not_amqp_stops_the_host_without_echoing_its_password()
    {
        var message = StartFailure(o => o.Broker = new Uri("http://guest:s3cret@127.0.0.1:15672/"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Does.Contain("must be an absolute amqp:// or amqps:// URI; its scheme was 'http'"));
            Assert.That(message, Does.Not.Contain("s3cret"));
        }
    }

    [TestCase(1023)]
    [TestCase(131073)]
    public void A_chunk_size_outside_1_KiB_to_128_KiB_stops_the_host(int bytes) =>
        Assert.That(StartFailure(o => o.ChunkBytes = bytes),
            Does.Contain($"ChunkBytes must be between 1024 and 131072 (1 KiB to 128 KiB); it was {bytes}."));

    [TestCase(0)]
    [TestCase(65)]
    public void Concurrency_outside_1_to_64_stops_the_host(int tasks) =>
        Assert.That(StartFailure(o => o.ConcurrentTasks = tasks),
            Does.Contain($"ConcurrentTasks must be between 1 and 64; it was {tasks}."));

    // The engine's reply exchange, where DsarReports sends what the connector reports unasked (a child found).
    [TestCase("", false)]
    [TestCase("replies", false)]
    [TestCase("Blue-dsar.replies", false)]
    [TestCase("dsar.replies", true)]
    [TestCase("dsar_test_42-dsar.replies", true)]
    public void The_reply_exchange_must_be_the_engines(string exchange, bool valid)
    {
        var result = Validate(o => o.ReplyExchange = exchange);
        Assert.That(result.Succeeded ? "" : result.FailureMessage, valid ? Is.Empty : Does.Contain(
            $"DsarConnectorOptions.ReplyExchange must be the engine's reply exchange, <prefix>dsar.replies"));
    }

    [Test]
    public void Every_bad_setting_is_reported_at_once()
    {
        var result = Validate(o => (o.Name, o.Broker, o.ChunkBytes, o.ConcurrentTasks) = ("X", null, 1, 0));
        Assert.That(result.Failures, Has.Exactly(4).Items);
    }

    [Test]
    public void A_connector_serving_no_organisation_stops_the_host() =>
        Assert.That(StartFailure(o => o.Tenants.Clear()), Does.Contain("DsarConnectorOptions.Tenants must name 1 to 100 organisations"));

    [TestCase("ACME")]
    [TestCase("a")]
    [TestCase("acme.evil")]
    [TestCase("#")]
    public void A_tenant_that_is_not_a_slug_stops_the_host(string tenant) =>
        Assert.That(StartFailure(o => o.Tenants.Add(tenant)),
            Does.Contain($"DsarConnectorOptions.Tenants: '{tenant}' is not a tenant slug"));

    [Test]
    public void A_tenant_named_twice_stops_the_host() =>
        Assert.That(StartFailure(o => o.Tenants.Add("acme")), Does.Contain("names an organisation twice"));

    [TestCase("amqp://guest:guest@127.0.0.1:5672/")]
    [TestCase("amqps://broker.example.net/prod")]
    public void Good_settings_pass(string broker) =>
        Assert.That(Validate(o => o.Broker = new Uri(broker)).Succeeded, Is.True);

    // Starting the host is what an author does; the bus is never reached because validation runs first.
    private static string StartFailure(Action<DsarConnectorOptions> spoil)
    {
        using var host = Build(spoil).Build();
        using var starting = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ex = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(starting.Token));
        return ex!.Message;
    }

    private static ValidateOptionsResult Validate(Action<DsarConnectorOptions> adjust)
    {
        using var provider = Build(adjust).Services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptionsMonitor<DsarConnectorOptions>>();
        try
        {
            _ = options.CurrentValue;
            return ValidateOptionsResult.Success;
        }
        catch (OptionsValidationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Failures);
        }
    }

    private static HostApplicationBuilder Build(Action<DsarConnectorOptions> adjust)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(new HandlerScript());
        builder.Services.AddDsarConnector<TestHandlers>(o =>
        {
            (o.Name, o.Broker) = ("sdk-test-options", new Uri("amqp://127.0.0.1:1/"));
            o.Tenants.Add("acme");
            adjust(o);
        });
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        return builder;
    }
}
