using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Tests.Requests;

// GDPR Art. 12(6): the identity check is proportionate, per right, channel and purpose; the most specific rule wins.
public sealed class IdentityPolicyRulesTests
{
    [TestCase("consent-withdrawal", "web-form", "direct-marketing", "none")]
    [TestCase("objection", "api", "direct-marketing", "none")]
    [TestCase("objection", "api", "profiling", "email")]
    [TestCase("access", "web-form", null, "email")]
    [TestCase("erasure", "post", null, "email")]
    public void The_default_policy_checks_nothing_where_a_wrong_requester_harms_no_one(string right, string channel, string? purpose,
        string check) =>
        Assert.That(IdentityPolicy.Default.Resolve(right, channel, purpose), Is.EqualTo(check));

    [Test]
    public void The_most_specific_rule_wins_whatever_its_place_and_ties_keep_the_written_order()
    {
        var policy = new IdentityPolicy(
        [
            new(IdentityChecks.Manual, Channel: "phone"),
            new(IdentityChecks.None, Right: "access", Channel: "phone"),
            new(IdentityChecks.Email, Right: "access"),
            new(IdentityChecks.Manual, Right: "access"),
        ], IdentityChecks.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(policy.Resolve("access", "phone", null), Is.EqualTo("none"));
            Assert.That(policy.Resolve("access", "api", null), Is.EqualTo("email"));
            Assert.That(policy.Resolve("erasure", "phone", null), Is.EqualTo("manual"));
            Assert.That(policy.Resolve("erasure", "api", null), Is.EqualTo("none"));
        }
    }

    [Test]
    public void A_policy_with_unknown_names_is_refused_field_by_field()
    {
        var policy = new IdentityPolicy(
        [
            new("retina-scan", Right: "teleportation"),
            new(IdentityChecks.None, Channel: "controller", Purpose: "astrology"),
        ], "sometimes");
        var errors = policy.Check();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors.Keys, Is.EquivalentTo(new[]
            {
                "otherwise", "rules[0].check", "rules[0].right", "rules[1].channel", "rules[1].purpose",
            }));
            Assert.That(errors["rules[0].right"].Single(), Does.Contain("Unknown right 'teleportation'"));
            Assert.That(IdentityPolicy.Default.Check(), Is.Empty);
        }
    }
}
