using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Deadlines;

public sealed class PreviewTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task The_preview_explains_a_roll_forward_over_easter_monday()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        // Received 21 March 2025 → 21 April 2025, Easter Monday in France → Tuesday 22 April.
        var result = await tenant.Staff(Engine, "auditor").GetFromJsonAsync<JsonObject>(
            "/api/v1/deadlines/preview?regime=gdpr&jurisdiction=FR&receivedAt=2025-03-21T10:00:00%2B01:00");
        var steps = result!["steps"]!.AsArray().Select(s => (string)s!["text"]!).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)result["receivedOn"]!, Is.EqualTo("2025-03-21"));
            Assert.That((string)result["initialDue"]!, Is.EqualTo("2025-04-22"));
            Assert.That((string)result["extendedDue"]!, Is.EqualTo("2025-06-23"));
            Assert.That(steps, Has.Some.Contains("Easter Monday"));
        }
    }

    // 152-FZ Art. 20(3): 7 working days to rectify, with no extension; the access period would be 10 + 5.
    [Test]
    public async Task The_preview_uses_the_period_of_the_right()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var staff = tenant.Staff(Engine, "agent");
        const string Query = "/api/v1/deadlines/preview?regime=152-fz&jurisdiction=RU&receivedAt=2025-03-03T10:00:00%2B03:00";
        var rectification = await staff.GetFromJsonAsync<JsonObject>(Query + "&right=rectification");
        var access = await staff.GetFromJsonAsync<JsonObject>(Query + "&right=access");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)rectification!["right"]!, Is.EqualTo("rectification"));
            Assert.That((string)rectification["initialDue"]!, Is.EqualTo("2025-03-13"));
            Assert.That(rectification["extendedDue"], Is.Null);
            Assert.That((string)access!["initialDue"]!, Is.EqualTo("2025-03-18"));
            Assert.That((string)access["extendedDue"]!, Is.EqualTo("2025-03-25"));
        }
    }

    [Test]
    public async Task An_unknown_right_is_a_field_error()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var response = await tenant.Staff(Engine, "agent").GetAsync("/api/v1/deadlines/preview"
            + "?regime=ccpa&jurisdiction=US-CA&receivedAt=2025-03-03T10:00:00Z&right=opt-out");
        var problem = await response.ReadObjectAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That((string)problem["errors"]!["right"]![0]!, Does.StartWith("Unknown right 'opt-out': expected one of access"));
        }
    }

    // UK GDPR Art. 12A: a clarification pauses, identity proof and fees restart; the EU GDPR has no fee stop.
    [Test]
    public async Task The_preview_applies_each_stop_reason_as_the_regime_says()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var staff = tenant.Staff(Engine, "agent");
        var paused = await staff.GetFromJsonAsync<JsonObject>("/api/v1/deadlines/preview?regime=uk-gdpr&jurisdiction=GB"
            + "&receivedAt=2025-03-03T10:00:00Z&right=access&stops=clarification:2025-03-20/2025-03-21");
        var fee = await staff.GetAsync("/api/v1/deadlines/preview?regime=gdpr&jurisdiction=FR"
            + "&receivedAt=2025-03-03T10:00:00Z&stops=fee:2025-03-20/2025-03-21");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)paused!["initialDue"]!, Is.EqualTo("2025-04-07"));
            Assert.That(fee.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string)(await fee.ReadObjectAsync())["errors"]!["stops"]![0]!, Does.Contain("does not stop the clock under gdpr"));
        }
    }

    // With subject=, the preview applies the organisation's own law (issue 15, E1): a French organisation's answer to a
    // Californian is under the GDPR, in the French calendar, whatever regime or jurisdiction the caller adds.
    [Test]
    public async Task The_preview_with_a_subject_applies_the_organisations_law()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var staff = tenant.Staff(Engine, "auditor");
        var result = await staff.GetFromJsonAsync<JsonObject>(
            "/api/v1/deadlines/preview?subject=US-CA&regime=ccpa&jurisdiction=US-CA&receivedAt=2025-01-31T23:30:00Z");
        var bad = await staff.GetAsync("/api/v1/deadlines/preview?subject=California&receivedAt=2025-01-31T23:30:00Z");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)result!["regime"]!, Is.EqualTo("gdpr"));
            Assert.That((string)result["jurisdiction"]!, Is.EqualTo("FR"));
            Assert.That((string)result["initialDue"]!, Is.EqualTo("2025-03-03"));
            Assert.That(result["steps"]!.ToJsonString(), Does.Contain("US-CA, brings no further regime"));
            Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string)(await bad.ReadObjectAsync())["errors"]!["subject"]![0]!, Does.Contain("not an ISO 3166-1"));
        }
    }

    [Test]
    public async Task The_preview_names_every_bad_parameter()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var response = await tenant.Staff(Engine, "agent").GetAsync("/api/v1/deadlines/preview"
            + "?regime=nope&jurisdiction=ZZ&receivedAt=yesterday&timeZone=Mars/Olympus&stops=2025-13-01/2025-03-05");
        var problem = await response.ReadObjectAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key),
            Is.SupersetOf(new[] { "jurisdiction", "receivedAt", "timeZone", "stops" }));
    }

    [Test]
    public async Task A_stop_that_ends_before_it_starts_is_refused()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var response = await tenant.Staff(Engine, "agent").GetAsync("/api/v1/deadlines/preview"
            + "?regime=gdpr&jurisdiction=FR&receivedAt=2025-03-01T10:00:00Z&stops=2025-03-10/2025-03-05");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.ReadObjectAsync())["errors"]!["stops"], Is.Not.Null);
    }

    [Test]
    public async Task The_preview_refuses_an_extension_where_the_regime_has_none()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var response = await tenant.Staff(Engine, "agent").GetAsync("/api/v1/deadlines/preview"
            + "?regime=lgpd&jurisdiction=BR&receivedAt=2025-03-21T10:00:00Z&extended=true");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.ReadObjectAsync())["errors"]!["extended"], Is.Not.Null);
    }

    [Test]
    public async Task The_preview_is_for_staff_only() =>
        Assert.That(
            (await Engine.CreateClient().GetAsync("/api/v1/deadlines/preview?regime=gdpr&jurisdiction=FR&receivedAt=2025-03-21T10:00:00Z"))
                .StatusCode,
            Is.EqualTo(HttpStatusCode.Unauthorized));

    [Test]
    public async Task A_stored_request_explains_its_own_deadline()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var reference = (string)(await (await Engine.CreateClient().SendAsync(Submissions.Post(Submissions.Valid(tenant.Slug))))
            .ReadObjectAsync())["reference"]!;
        var staff = tenant.Staff(Engine, "agent");
        var explained = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/deadline");
        var stored = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}");
        Assert.That((string)explained!["effectiveDue"]!, Is.EqualTo((string)stored!["deadline"]!["effectiveDue"]!));
        Assert.That(explained["steps"]!.AsArray(), Is.Not.Empty);
    }
}
