namespace DsarEngine.Server.Tests.Connectors.Egress;

// Secrets and egress settings are checked at start-up; each message names the setting to fix and never a secret's value.
public sealed class EgressConfigurationTests
{
    private const string Value = "a-value-that-must-never-appear-in-a-message-0123456789";

    private static IEnumerable<TestCaseData> BadSettings()
    {
        yield return new TestCaseData(new Dictionary<string, string?> { ["Dsar:Connectors:Secrets:newsletter"] = Value },
            "Dsar:Connectors:Secrets:newsletter is a secret in the old flat form, which any organisation could name and have sent "
            + "to an endpoint of its choice. Provision it for one organisation instead: Dsar:Connectors:Secrets:<tenant>:newsletter:Value")
            .SetName("The_old_flat_form_is_refused_with_the_way_to_the_new_one");
        yield return new TestCaseData(new Dictionary<string, string?> { ["Dsar:Connectors:Secrets:demo:newsletter:Value"] = Value },
            "Dsar:Connectors:Secrets:demo:newsletter:Endpoints must list the URLs the secret may be sent to")
            .SetName("A_secret_bound_to_no_endpoint_is_refused");
        yield return new TestCaseData(new Dictionary<string, string?>
        {
            ["Dsar:Connectors:Secrets:demo:newsletter:Value"] = "short",
            ["Dsar:Connectors:Secrets:demo:newsletter:Endpoints:0"] = "https://api.example/",
        }, "Dsar:Connectors:Secrets:demo:newsletter:Value must be set to a secret of at least 32 bytes.")
            .SetName("A_short_secret_is_refused");
        yield return new TestCaseData(new Dictionary<string, string?>
        {
            ["Dsar:Connectors:Secrets:demo:newsletter:Value"] = Value,
            ["Dsar:Connectors:Secrets:demo:newsletter:Endpoints:0"] = "https://api.example/?key=1",
        }, "Dsar:Connectors:Secrets:demo:newsletter:Endpoints:0 must be an absolute http(s) URL without user name, query or fragment")
            .SetName("A_bound_endpoint_with_a_query_is_refused");
        yield return new TestCaseData(new Dictionary<string, string?>
        {
            ["Dsar:Connectors:Secrets:demo:newsletter:Value"] = Value,
            ["Dsar:Connectors:Secrets:demo:newsletter:Endpoint:0"] = "https://api.example/",
        }, "Dsar:Connectors:Secrets:demo:newsletter:Endpoint is not a setting: a secret has Value and Endpoints.")
            .SetName("A_misspelt_setting_is_named");
        yield return new TestCaseData(new Dictionary<string, string?> { ["Dsar:Connectors:Secrets:newsletter:Value"] = Value },
            "Dsar:Connectors:Secrets:newsletter looks like a secret without its organisation")
            .SetName("A_secret_without_its_organisation_is_named");
        yield return new TestCaseData(new Dictionary<string, string?> { ["Dsar:Egress:AllowedNetworks:0"] = "10.0.0.1/8" },
            "Dsar:Egress:AllowedNetworks:0 ('10.0.0.1/8') is not a network in CIDR form with no host bits set")
            .SetName("An_allowed_network_with_host_bits_is_refused");
        yield return new TestCaseData(new Dictionary<string, string?> { ["Dsar:Egress:AllowedNetworks:0"] = "10.0.0.1" },
            "Dsar:Egress:AllowedNetworks:0 ('10.0.0.1') is not a network in CIDR form")
            .SetName("An_allowed_network_without_a_prefix_is_refused");
    }

    [TestCaseSource(nameof(BadSettings))]
    public async Task A_bad_secret_or_egress_setting_stops_start_up_with_a_precise_message(
        Dictionary<string, string?> settings, string message)
    {
        var engine = new EngineFactory("Host=127.0.0.1;Database=unused", settings);
        var error = Assert.Catch(() => _ = engine.Server);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.ToString(), Does.Contain(message));
            Assert.That(error.ToString(), Does.Not.Contain(Value));
        }
        await engine.DisposeAsync();
    }
}
