using DsarEngine.Workflows.Deadlines;

namespace DsarEngine.Workflows.Tests.Deadlines;

public sealed class CatalogTests
{
    private static readonly string[] EuropeanEconomicArea =
    [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
        "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
    ];

    [Test]
    public void The_catalog_holds_the_ten_regimes()
    {
        Assert.That(Regimes.All.Select(r => r.Id), Is.EquivalentTo(new[]
        {
            "gdpr", "uk-gdpr", "ccpa", "vcdpa", "cpa", "ctdpa", "lgpd", "nfadp", "pipeda", "152-fz",
        }));
    }

    [Test]
    public void Regime_ids_are_matched_case_insensitively()
    {
        Assert.That(Regimes.TryGet(" UK-GDPR ", out var rules) ? rules.Id : null, Is.EqualTo("uk-gdpr"));
    }

    [TestCaseSource(nameof(EuropeanEconomicArea))]
    public void Every_EU_and_EEA_state_defaults_to_the_GDPR(string code)
    {
        Assert.That(Regimes.DefaultFor(code), Is.EqualTo("gdpr"));
    }

    [TestCase("GB", "uk-gdpr")]
    [TestCase("gb-sct", "uk-gdpr")]
    [TestCase("US-CA", "ccpa")]
    [TestCase("US-VA", "vcdpa")]
    [TestCase("US-CO", "cpa")]
    [TestCase("US-CT", "ctdpa")]
    [TestCase("BR", "lgpd")]
    [TestCase("CH", "nfadp")]
    [TestCase("CA", "pipeda")]
    [TestCase("RU", "152-fz")]
    [TestCase("US", null)]
    [TestCase("XX", null)]
    public void Default_regimes(string jurisdiction, string? regime)
    {
        Assert.That(Regimes.DefaultFor(jurisdiction), Is.EqualTo(regime));
    }

    [TestCase("FR", "Europe/Paris")]
    [TestCase("GB-NIR", "Europe/London")]
    [TestCase("US-CA", "America/Los_Angeles")]
    [TestCase("US-VA", "America/New_York")]
    [TestCase("US-CT", "America/New_York")]
    [TestCase("US-CO", "America/Denver")]
    [TestCase("BR", "America/Sao_Paulo")]
    [TestCase("RU", "Europe/Moscow")]
    [TestCase("EL", "Europe/Athens")]
    public void Default_time_zones(string jurisdiction, string zone)
    {
        Assert.That(Jurisdictions.TryGet(jurisdiction, out var info) ? info.DefaultTimeZone : null, Is.EqualTo(zone));
    }

    [Test]
    public void Every_default_time_zone_is_an_installed_IANA_zone()
    {
        var missing = Jurisdictions.All.Where(j => !TimeZones.TryFind(j.DefaultTimeZone, out _)).Select(j => j.Code);

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Every_jurisdiction_default_regime_exists()
    {
        var dangling = Jurisdictions.All.Where(j => j.DefaultRegime is { } id && !Regimes.TryGet(id, out _)).Select(j => j.Code);

        Assert.That(dangling, Is.Empty);
    }
}
