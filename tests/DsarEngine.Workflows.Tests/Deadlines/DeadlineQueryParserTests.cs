using DsarEngine.Workflows.Deadlines;
using DsarEngine.Workflows.Requests;
using static DsarEngine.Workflows.Tests.Deadlines.TestQueries;

namespace DsarEngine.Workflows.Tests.Deadlines;

// The preview endpoint's validation: field errors keyed regime, jurisdiction, receivedAt, timeZone, stops.
public sealed class DeadlineQueryParserTests
{
    private const string KnownRegimes = "gdpr, uk-gdpr, nfadp, 152-fz, ccpa, vcdpa, cpa, ctdpa, lgpd, pipeda";

    [Test]
    public void Codes_and_ids_are_parsed_case_insensitively_and_normalised()
    {
        var result = DeadlineQueryParser.Parse("GDPR", "fr-57", "2025-03-05T10:00:00Z", "europe/paris", "2025-03-06/2025-03-10");

        Assert.That(result.IsValid, Is.True, string.Join("; ", result.Errors.SelectMany(e => e.Value)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Query!.Regime, Is.EqualTo("gdpr"));
            Assert.That(result.Query.Jurisdiction, Is.EqualTo("FR-57"));
            Assert.That(result.Query.TimeZone, Is.EqualTo("Europe/Paris"));
            Assert.That(result.Query.Stops,
                Is.EqualTo(new[] { new ClockStop(D("2025-03-06"), D("2025-03-10"), DeadlineQueryParser.StopReason) }));
            Assert.That(result.Errors, Is.Empty);
        }
    }

    [Test]
    public void A_missing_regime_defaults_to_the_jurisdictions()
    {
        var result = DeadlineQueryParser.Parse(null, "US-CO", "2025-03-05T10:00:00-07:00");

        Assert.That(result.Query?.Regime, Is.EqualTo("cpa"));
    }

    [Test]
    public void A_missing_regime_without_a_default_is_an_error()
    {
        var result = DeadlineQueryParser.Parse("", "US", "2025-03-05T10:00:00Z");

        Assert.That(result.Errors["regime"],
            Is.EqualTo(new[] { $"No regime given and US has no default regime: name one of {KnownRegimes}" }));
    }

    [Test]
    public void An_unknown_regime_lists_the_known_ones()
    {
        var result = DeadlineQueryParser.Parse("hipaa", "FR", "2025-03-05T10:00:00Z");

        Assert.That(result.Errors["regime"], Is.EqualTo(new[] { $"Unknown regime 'hipaa': expected one of {KnownRegimes}" }));
    }

    [Test]
    public void An_unknown_jurisdiction_says_what_is_expected()
    {
        var result = DeadlineQueryParser.Parse("gdpr", "XX", "2025-03-05T10:00:00Z");

        Assert.That(result.Errors["jurisdiction"], Is.EqualTo(new[]
        {
            "Unknown jurisdiction 'XX': expected an ISO 3166-1 alpha-2 code such as FR or a supported subdivision such as GB-SCT",
        }));
    }

    [Test]
    public void An_unsupported_subdivision_names_the_supported_ones()
    {
        var result = DeadlineQueryParser.Parse("gdpr", "fr-75", "2025-03-05T10:00:00Z");

        Assert.That(result.Errors["jurisdiction"], Is.EqualTo(new[]
        {
            "Unknown jurisdiction 'fr-75': that subdivision of FR has no rules of its own here; use FR or one of FR-57, FR-67, FR-68",
        }));
    }

    [TestCase("",
        "receivedAt is required: an ISO 8601 date-time with a UTC offset, such as 2025-03-05T09:30:00Z or 2025-03-05T10:30:00+01:00")]
    [TestCase("2025-03-05T09:30:00",
        "receivedAt '2025-03-05T09:30:00' has no UTC offset: give one, such as 2025-03-05T09:30:00Z or 2025-03-05T10:30:00+01:00")]
    [TestCase("5 March 2025 +01:00",
        "receivedAt '5 March 2025 +01:00' is not an ISO 8601 date-time with a UTC offset, "
            + "such as 2025-03-05T09:30:00Z or 2025-03-05T10:30:00+01:00")]
    [TestCase("2025-02-30T09:30:00Z",
        "receivedAt '2025-02-30T09:30:00Z' is not an ISO 8601 date-time with a UTC offset, "
            + "such as 2025-03-05T09:30:00Z or 2025-03-05T10:30:00+01:00")]
    [TestCase("1850-03-05T09:30:00Z", "receivedAt must fall between 1900 and 2199, the years the holiday rules cover")]
    public void Bad_receipt_instants(string receivedAt, string message)
    {
        var result = DeadlineQueryParser.Parse("gdpr", "FR", receivedAt);

        Assert.That(result.Errors["receivedAt"], Is.EqualTo(new[] { message }));
    }

    // An unencoded '+' in a query string arrives as a space.
    [Test]
    public void An_offset_whose_plus_was_decoded_to_a_space_is_still_understood()
    {
        var result = DeadlineQueryParser.Parse("gdpr", "FR", "2025-03-05T00:30:00 01:00");

        Assert.That(result.Query?.ReceivedAt, Is.EqualTo(new DateTimeOffset(2025, 3, 4, 23, 30, 0, TimeSpan.Zero)));
    }

    [Test]
    public void An_unknown_or_Windows_time_zone_is_refused()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(DeadlineQueryParser.Parse("gdpr", "FR", "2025-03-05T10:00:00Z", "Mars/Olympus").Errors["timeZone"],
                Is.EqualTo(new[] { "Unknown time zone 'Mars/Olympus': expected an IANA time zone id such as Europe/Paris" }));
            Assert.That(DeadlineQueryParser.Parse("gdpr", "FR", "2025-03-05T10:00:00Z", "Romance Standard Time").Errors,
                Does.ContainKey("timeZone"));
        }
    }

    [TestCase("2025-03-06",
        "Stop '2025-03-06' is not an ISO 8601 date interval such as 2025-03-05/2025-03-10 (or 2025-03-05/.. while still waiting), " +
        "optionally after a reason (identity-proof, clarification, fee) and a colon")]
    [TestCase("payment:2025-03-06/2025-03-10",
        "Stop 'payment:2025-03-06/2025-03-10' is not an ISO 8601 date interval such as 2025-03-05/2025-03-10 (or 2025-03-05/.. " +
        "while still waiting), optionally after a reason (identity-proof, clarification, fee) and a colon")]
    [TestCase("fee:2025-03-06/2025-03-10",
        "Stop 2025-03-06/2025-03-10 (fee) does not stop the clock under gdpr: " +
        "GDPR Art. 12(5): the EU GDPR has no fee that stops the clock")]
    [TestCase("2025-03-10/2025-03-06", "Stop 2025-03-10/2025-03-06 ends before it starts")]
    [TestCase("2025-03-01/2025-03-06", "Stop 2025-03-01/2025-03-06 starts before the request was received on 2025-03-05 (Europe/Paris)")]
    [TestCase("2025-03-06/2025-03-10,2025-03-08/2025-03-12", "Stops 2025-03-06/2025-03-10 and 2025-03-08/2025-03-12 overlap")]
    [TestCase("2025-03-06/..,2025-03-20/2025-03-22",
        "Only the last stop can be open-ended: 2025-03-06/.. is followed by 2025-03-20/2025-03-22")]
    public void Bad_stops(string stops, string message)
    {
        var result = DeadlineQueryParser.Parse("gdpr", "FR", "2025-03-05T10:00:00Z", stops: stops);

        Assert.That(result.Errors["stops"], Is.EqualTo(new[] { message }));
    }

    [Test]
    public void Named_stops_carry_their_reason()
    {
        var result = DeadlineQueryParser.Parse("uk-gdpr", "GB", "2025-03-03T10:00:00Z",
            stops: "clarification:2025-03-20/2025-03-21, fee:2025-03-24/..");

        Assert.That(result.Query!.Stops.Select(s => s.Reason), Is.EqualTo(new[] { "clarification", "fee" }));
    }

    [Test]
    public void A_UK_clarification_stop_of_a_non_access_right_is_refused()
    {
        var result = DeadlineQueryParser.Parse("uk-gdpr", "GB", "2025-03-03T10:00:00Z",
            stops: "clarification:2025-03-20/2025-03-21", right: "erasure");

        Assert.That(result.Errors["stops"].Single(), Does.EndWith("only for access requests, not erasure"));
    }

    [Test]
    public void The_right_and_the_business_day_reading_are_parsed()
    {
        var result = DeadlineQueryParser.Parse("ccpa", "US-CA", "2025-03-03T10:00:00Z", right: " erasure ",
            businessDays: "state-holidays");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Query!.Right, Is.EqualTo(Right.Erasure));
            Assert.That(result.Query.BusinessDays, Is.EqualTo(BusinessDayReading.StateHolidays));
        }
    }

    [Test]
    public void An_unknown_right_or_business_day_reading_lists_the_known_ones()
    {
        var result = DeadlineQueryParser.Parse("152-fz", "RU", "2025-03-03T10:00:00Z", right: "opt-out", businessDays: "federal");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsValid, Is.False);
            Assert.That(result.Errors["right"].Single(), Does.StartWith("Unknown right 'opt-out': expected one of access, rectification"));
            Assert.That(result.Errors["businessDays"].Single(),
                Is.EqualTo("Unknown business-day reading 'federal': expected weekends-only or state-holidays"));
        }
    }

    [Test]
    public void Open_and_back_to_back_stops_are_accepted()
    {
        var result = DeadlineQueryParser.Parse("gdpr", "FR", "2025-03-05T10:00:00Z", stops: "2025-03-06/2025-03-10, 2025-03-10/");

        Assert.That(result.Query?.Stops.Select(s => s.Interval), Is.EqualTo(new[] { "2025-03-06/2025-03-10", "2025-03-10/.." }));
    }

    [Test]
    public void Every_bad_field_is_reported_at_once()
    {
        var result = DeadlineQueryParser.Parse("nope", "XX", "yesterday", "Nowhere/Else", "soon");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsValid, Is.False);
            Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "regime", "jurisdiction", "receivedAt", "timeZone", "stops" }));
        }
    }
}
