using DsarEngine.Workflows.Deadlines;
using static DsarEngine.Workflows.Tests.Deadlines.TestQueries;

namespace DsarEngine.Workflows.Tests.Deadlines;

// Issue 15, E1: the organisation's declared regimes and scope rules decide the law; the subject's stated location is an
// input to them; several regimes → the earliest deadline wins; days are counted in the organisation's calendar.
public sealed class ApplicableLawTests
{
    // 00:30 in Paris on Saturday 1 February 2025 (still 31 January in UTC).
    private static readonly DateTimeOffset ParisNight = new(2025, 1, 31, 23, 30, 0, TimeSpan.Zero);

    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    private static readonly DeclaredRegime Gdpr = new("gdpr", RegimeScopes.Establishment, []);

    private static JurisdictionInfo Place(string code) =>
        Jurisdictions.TryGet(code, out var info) ? info : throw new AssertionException($"{code} is not in the catalog");

    private static ApplicableLaw Decide(TenantLaw law, string controller, string? subject, string? staffRegime = null)
    {
        var errors = new FieldErrors();
        var decided = ApplicableLaw.Decide(law, Place(controller), subject, staffRegime, errors);
        Assert.That(errors.IsEmpty, Is.True, string.Join("; ", errors.ToDictionary().SelectMany(e => e.Value)));
        return decided!;
    }

    private static DeadlineComputation Compute(TenantLaw law, string controller, string? subject, DateTimeOffset receivedAt,
        string? staffRegime = null) =>
        Decide(law, controller, subject, staffRegime).Compute(new DeadlineQuery("", controller, receivedAt));

    [Test]
    public void A_french_controller_answers_a_subject_who_says_california_under_the_gdpr()
    {
        var result = Compute(TenantLaw.DefaultFor("FR"), "FR", "US-CA", ParisNight);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Regime, Is.EqualTo("gdpr"));
            Assert.That(result.EffectiveDue, Is.EqualTo(D("2025-03-03")), "not the CCPA's 2025-03-18");
            Assert.That(result.Jurisdiction, Is.EqualTo("FR"));
            Assert.That(AllText(result), Does.Contain("US-CA, brings no further regime").And.Contain("gdpr) applies"));
        }
    }

    [Test]
    public void Under_gdpr_and_ccpa_a_californian_gets_both_computed_and_the_earliest_wins()
    {
        var law = new TenantLaw([Gdpr, new DeclaredRegime("ccpa", RegimeScopes.Residence, ["US-CA"])]);
        var result = Compute(law, "FR", "us-ca", ParisNight);
        var text = AllText(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Regime, Is.EqualTo("gdpr"));
            Assert.That(result.EffectiveDue, Is.EqualTo(D("2025-03-03")));
            Assert.That(text, Does.Contain("(ccpa) applies: the subject's stated location, US-CA, is within the organisation's rule")
                .And.Contain("due 2025-03-18"));
            Assert.That(text, Does.Contain("2 regimes apply: the earliest deadline wins, gdpr on 2025-03-03"));
            Assert.That(result.Steps[0].Kind, Is.EqualTo(ApplicableLaw.StepKind));
        }
    }

    [Test]
    public void The_residence_regime_wins_when_its_date_is_earlier()
    {
        // A Californian business that also answers EU residents under Art. 3(2): one month beats 45 days.
        var law = new TenantLaw([new DeclaredRegime("ccpa", RegimeScopes.Establishment, []),
            new DeclaredRegime("gdpr", RegimeScopes.Residence, ["FR", "DE"])]);
        var received = new DateTimeOffset(2025, 3, 5, 12, 0, 0, TimeSpan.FromHours(-8));
        var result = Compute(law, "US-CA", "FR", received);
        var ccpaOnly = Compute(law, "US-CA", null, received);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Regime, Is.EqualTo("gdpr"));
            Assert.That(result.EffectiveDue, Is.EqualTo(D("2025-04-07")));
            Assert.That(result.TimeZone, Is.EqualTo("America/Los_Angeles"));
            Assert.That(ccpaOnly.Regime, Is.EqualTo("ccpa"));
            Assert.That(ccpaOnly.EffectiveDue, Is.GreaterThan(result.EffectiveDue));
            Assert.That(AllText(ccpaOnly), Does.Contain("stated no location"));
        }
    }

    [TestCase("FR-75", "FR")]
    [TestCase("de-by", "DE")]
    [TestCase("US-TX", "US")]
    public void A_subdivision_without_rules_of_its_own_is_read_as_its_country(string stated, string country)
    {
        Assert.That(Jurisdictions.TryResolveLocation(stated, out var info, out var note), Is.True);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(info!.Code, Is.EqualTo(country));
            Assert.That(note, Does.Contain($"{stated.ToUpperInvariant()} has no rules of its own here")
                .And.Contain($"its country, {country}"));
        }
    }

    [Test]
    public void A_subject_in_a_subdivision_without_rules_is_covered_by_the_rule_for_its_country_with_a_note()
    {
        var law = new TenantLaw([new DeclaredRegime("ccpa", RegimeScopes.Establishment, []),
            new DeclaredRegime("gdpr", RegimeScopes.Residence, ["FR"])]);
        var result = Compute(law, "US-CA", "FR-75", ParisNight);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Regime, Is.EqualTo("gdpr"));
            Assert.That(AllText(result), Does.Contain("FR-75 has no rules of its own here: it is read as its country, FR"));
        }
    }

    [Test]
    public void A_texan_is_not_covered_by_a_rule_for_california()
    {
        var law = new TenantLaw([Gdpr, new DeclaredRegime("ccpa", RegimeScopes.Residence, ["US-CA"])]);
        var decided = Decide(law, "FR", "US-TX");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(decided.Regimes.Select(r => r.Rules.Id), Is.EqualTo(new[] { "gdpr" }));
            Assert.That(decided.Notes, Has.Some.Contains("US-TX has no rules of its own"));
        }
    }

    [Test]
    public void A_location_with_no_rules_at_all_still_gets_the_establishment_regime()
    {
        var decided = Decide(TenantLaw.DefaultFor("FR"), "FR", "JP");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(decided.Regimes.Select(r => r.Rules.Id), Is.EqualTo(new[] { "gdpr" }));
            Assert.That(decided.Notes, Has.Some.Contains("JP, has no rules here"));
        }
    }

    // 2 January 2026 is a bank holiday in Scotland, not in England: a controller in England counts in its own calendar.
    [Test]
    public void The_calendar_is_the_controllers_not_the_subjects()
    {
        var received = new DateTimeOffset(2025, 12, 2, 12, 0, 0, TimeSpan.Zero);
        var english = Compute(TenantLaw.DefaultFor("GB-ENG"), "GB-ENG", "GB-SCT", received);
        var scottish = Compute(TenantLaw.DefaultFor("GB-SCT"), "GB-SCT", "GB-ENG", received);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(english.EffectiveDue, Is.EqualTo(D("2026-01-02")));
            Assert.That(english.Jurisdiction, Is.EqualTo("GB-ENG"));
            Assert.That(scottish.EffectiveDue, Is.EqualTo(D("2026-01-05")));
            Assert.That(AllText(english), Does.Contain("place of performance, GB-ENG"));
        }
    }

    [Test]
    public void A_regime_named_by_staff_is_added_and_can_only_make_the_date_earlier()
    {
        var received = new DateTimeOffset(2025, 3, 5, 12, 0, 0, TimeSpan.FromHours(-8));
        var named = Compute(TenantLaw.DefaultFor("US-CA"), "US-CA", null, received, staffRegime: "GDPR");
        var errors = new FieldErrors();
        var unknown = ApplicableLaw.Decide(TenantLaw.DefaultFor("FR"), Place("FR"), null, "hipaa", errors);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(named.Regime, Is.EqualTo("gdpr"));
            Assert.That(AllText(named), Does.Contain("named by staff"));
            Assert.That(unknown, Is.Null);
            Assert.That(errors.ToDictionary()["regime"][0], Does.StartWith("Unknown regime 'hipaa'"));
        }
    }

    [Test]
    public void An_organisation_without_settings_is_subject_to_the_regime_of_its_own_jurisdiction()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(TenantLaw.Parse(null, "GB-SCT").Regimes.Select(r => (r.Regime, r.Scope, r.Locations.Count)),
                Is.EqualTo(new[] { ("uk-gdpr", "establishment", 0) }));
            Assert.That(TenantLaw.DefaultFor("US").Regimes, Is.Empty);
        }
    }

    [Test]
    public void Settings_round_trip_through_json()
    {
        var law = TenantLaw.Validate(new TenantLawBody
        {
            Regimes =
            [
                new DeclaredRegimeBody { Regime = "GDPR", Scope = "establishment" },
                new DeclaredRegimeBody { Regime = "ccpa", Scope = "Residence", Locations = ["us-ca", "US-CA"] },
            ],
        }, new FieldErrors());
        var again = TenantLaw.Parse(law!.ToJson(), "FR");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(again.Regimes.Select(r => (r.Regime, r.Scope)),
                Is.EqualTo(new[] { ("gdpr", "establishment"), ("ccpa", "residence") }));
            Assert.That(again.Regimes[1].Locations, Is.EqualTo(new[] { "US-CA" }));
        }
    }

    [TestCase("[]", "regimes", "Name at least one regime")]
    [TestCase("[{\"regime\":\"hipaa\",\"scope\":\"establishment\"}]", "regimes[0].regime", "Unknown regime 'hipaa'")]
    [TestCase("[{\"regime\":\"gdpr\",\"scope\":\"anywhere\"}]", "regimes[0].scope", "One of: establishment, residence")]
    [TestCase("[{\"regime\":\"gdpr\",\"scope\":\"establishment\",\"locations\":[\"FR\"]}]", "regimes[0].locations", "takes no locations")]
    [TestCase("[{\"regime\":\"ccpa\",\"scope\":\"residence\",\"locations\":[\"US-CA\"]}]", "regimes", "At least one regime must apply")]
    [TestCase("[{\"regime\":\"gdpr\",\"scope\":\"establishment\"},{\"regime\":\"ccpa\",\"scope\":\"residence\",\"locations\":[\"XX\"]}]",
        "regimes[1].locations", "Unknown jurisdiction 'XX'")]
    [TestCase("[{\"regime\":\"gdpr\",\"scope\":\"establishment\"},{\"regime\":\"ccpa\",\"scope\":\"residence\"}]",
        "regimes[1].locations", "Name 1 to")]
    [TestCase("[{\"regime\":\"gdpr\",\"scope\":\"establishment\"},{\"regime\":\"GDPR\",\"scope\":\"establishment\"}]",
        "regimes[1].regime", "gdpr is declared twice")]
    public void Bad_settings_are_refused_with_the_field_and_the_fix(string regimes, string field, string message)
    {
        var body = System.Text.Json.JsonSerializer.Deserialize<TenantLawBody>($"{{\"regimes\":{regimes}}}", Web);
        var errors = new FieldErrors();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(TenantLaw.Validate(body, errors), Is.Null);
            Assert.That(errors.ToDictionary(), Does.ContainKey(field));
            Assert.That(errors.ToDictionary()[field][0], Does.StartWith(message).Or.Contain(message));
        }
    }
}
