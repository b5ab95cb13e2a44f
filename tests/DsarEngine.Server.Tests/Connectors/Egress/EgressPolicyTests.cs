using System.Net;
using DsarEngine.Server.Connectors.Egress;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Tests.Connectors.Egress;

// The rule itself: which URLs and addresses the engine calls, by default and with the operator's allowances.
public sealed class EgressPolicyTests
{
    private static EgressPolicy Policy(string environment = "Production", bool allowHttp = false, params string[] networks) =>
        new(Options.Create(new EgressOptions { AllowHttp = allowHttp, AllowedNetworks = networks }),
            new HostingEnvironment { EnvironmentName = environment });

    [TestCase("Production", false, false)]
    [TestCase("Staging", false, false)]
    [TestCase("Development", false, true)]
    [TestCase("Production", true, true)]
    public void Plain_http_is_refused_outside_development_unless_the_operator_allows_it(string environment, bool allowHttp, bool accepted)
    {
        var refusal = Policy(environment, allowHttp).Refusal(new Uri("http://api.example/"));
        Assert.That(refusal,
            accepted ? Is.Null : Is.EqualTo("Only https URLs are called: this engine does not send anything over plain http."));
    }

    [TestCase("127.0.0.1", "loopback")]
    [TestCase("127.8.9.10", "loopback")]
    [TestCase("::1", "loopback")]
    [TestCase("::ffff:127.0.0.1", "loopback")]
    [TestCase("169.254.169.254", "link-local")]
    [TestCase("fe80::1", "link-local")]
    [TestCase("10.1.2.3", "private")]
    [TestCase("172.16.0.1", "private")]
    [TestCase("172.31.255.254", "private")]
    [TestCase("192.168.1.1", "private")]
    [TestCase("fd12:3456::1", "private")]
    [TestCase("::ffff:10.0.0.1", "private")]
    [TestCase("64:ff9b::a00:1", "private")]
    [TestCase("2002:a00:1::1", "private")]
    [TestCase("100.64.0.1", "carrier-grade NAT")]
    [TestCase("100.127.255.254", "carrier-grade NAT")]
    [TestCase("0.0.0.0", "unspecified")]
    [TestCase("::", "unspecified")]
    [TestCase("224.0.0.251", "multicast")]
    [TestCase("ff02::1", "multicast")]
    [TestCase("255.255.255.255", "reserved")]
    public void Internal_addresses_are_refused_in_every_form(string address, string kind) =>
        Assert.That(Policy().Kind(IPAddress.Parse(address)), Is.EqualTo(kind));

    [TestCase("93.184.216.34")]
    [TestCase("172.32.0.1")]
    [TestCase("100.128.0.1")]
    [TestCase("2606:4700::1111")]
    [TestCase("::ffff:93.184.216.34")]
    public void Public_addresses_are_called(string address) => Assert.That(Policy().Kind(IPAddress.Parse(address)), Is.Null);

    [Test]
    public void An_allowed_network_is_called_and_its_neighbours_are_not()
    {
        var policy = Policy("Production", false, "10.20.0.0/16", "::1/128");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(policy.Kind(IPAddress.Parse("10.20.3.4")), Is.Null);
            Assert.That(policy.Kind(IPAddress.Parse("::ffff:10.20.3.4")), Is.Null, "the IPv4-mapped form of an allowed address");
            Assert.That(policy.Kind(IPAddress.Parse("::1")), Is.Null);
            Assert.That(policy.Kind(IPAddress.Parse("10.21.0.1")), Is.EqualTo("private"));
            Assert.That(policy.Kind(IPAddress.Parse("127.0.0.1")), Is.EqualTo("loopback"));
        }
    }

    [TestCase("https://169.254.169.254/latest/meta-data/", "link-local")]
    [TestCase("https://[::ffff:169.254.169.254]/", "link-local")]
    [TestCase("https://localhost:8443/", "loopback")]
    [TestCase("https://LOCALHOST./", "loopback")]
    [TestCase("https://admin.localhost/", "loopback")]
    [TestCase("https://0x7f.0.0.1/", "loopback")]
    [TestCase("https://2130706433/", "loopback")]
    [TestCase("https://[fd00::1]/", "private")]
    public void A_url_that_names_an_internal_address_is_refused_before_any_connection(string url, string kind) =>
        Assert.That(Policy().Refusal(new Uri(url)),
            Is.EqualTo($"The engine does not call {kind} addresses unless its operator allows that network."));

    [Test]
    public void Urls_with_credentials_or_another_scheme_are_refused_and_a_public_https_url_is_not()
    {
        var policy = Policy();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(policy.Refusal(new Uri("https://user:pass@api.example/")),
                Is.EqualTo("A user name or password in the URL is not accepted."));
            Assert.That(policy.Refusal(new Uri("ftp://api.example/")), Is.EqualTo("Only https URLs are called."));
            Assert.That(policy.Refusal(new Uri("file:///etc/passwd")), Is.EqualTo("Only https URLs are called."));
            Assert.That(policy.Refusal(new Uri("https://api.newsletter.example/dsar/")), Is.Null);
        }
    }
}
