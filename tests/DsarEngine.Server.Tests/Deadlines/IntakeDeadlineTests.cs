using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Deadlines;

// Every request gets its legal deadline at intake, computed in the controller's time zone.
public sealed class IntakeDeadlineTests
{
    // 00:30 in Paris on Saturday 1 February 2025 is still 31 January in UTC.
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2025, 1, 31, 23, 30, 0, TimeSpan.Zero));
    private EngineFactory engine = null!;

    [OneTimeSetUp]
    public async Task Start() => engine = await EngineFactory.StartAsync(time: Time);

    [OneTimeTearDown]
    public async Task Stop() => await engine.DisposeAsync();

    private async Task<(JsonObject Accepted, JsonObject Staff, TestTenant Tenant)> SubmitAsync(string jurisdiction, string? regime = null)
    {
        var tenant = await TestTenant.CreateAsync(engine);
        var body = Submissions.Valid(tenant.Slug);
        body["jurisdiction"] = jurisdiction;
        if (regime is not null)
            body["regime"] = regime;
        var response = await engine.CreateClient().SendAsync(Submissions.Post(body));
        var accepted = await response.ReadObjectAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), accepted.ToJsonString());
        var staff = await tenant.Staff(engine, "auditor").GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{accepted["reference"]}");
        return (accepted, staff!, tenant);
    }

    [Test]
    public async Task A_french_request_is_received_on_the_local_day_and_due_a_month_later_on_a_working_day()
    {
        var (accepted, staff, _) = await SubmitAsync("FR");
        var deadline = staff["deadline"]!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)staff["regime"]!, Is.EqualTo("gdpr"));
            Assert.That((string)deadline["receivedOn"]!, Is.EqualTo("2025-02-01"));
            // 1 March 2025 is a Saturday: the period ends on Monday 3 March.
            Assert.That((string)deadline["initialDue"]!, Is.EqualTo("2025-03-03"));
            Assert.That((string)deadline["extensionNoticeBy"]!, Is.EqualTo("2025-03-03"));
            Assert.That((string)deadline["extendedDue"]!, Is.EqualTo("2025-05-02"));
            Assert.That((string)accepted["dueOn"]!, Is.EqualTo("2025-03-03"));
            Assert.That((int)deadline["daysUntilDue"]!, Is.EqualTo(30));
            Assert.That((bool)deadline["canStillExtend"]!, Is.True);
        }
    }

    // Issue 15, E1: a French controller's request from someone who types US-CA stays under the GDPR, counted in France.
    [Test]
    public async Task A_french_controllers_request_from_a_californian_is_due_under_the_gdpr()
    {
        var (_, staff, tenant) = await SubmitAsync("US-CA");
        var deadline = staff["deadline"]!;
        var explained = await tenant.Staff(engine, "auditor").GetFromJsonAsync<JsonObject>(
            $"/api/v1/staff/requests/{staff["reference"]}/deadline");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)staff["regime"]!, Is.EqualTo("gdpr"));
            Assert.That((string)staff["jurisdiction"]!, Is.EqualTo("FR"));
            Assert.That((string)deadline["initialDue"]!, Is.EqualTo("2025-03-03"), "not the CCPA's 2025-03-18");
            Assert.That(explained!["steps"]!.ToJsonString(), Does.Contain("US-CA, brings no further regime"));
        }
    }

    // 152-FZ Art. 20(3): the law steps compare each regime's date for this right, so they name the date the clock keeps.
    [Test]
    public async Task A_russian_rectification_is_compared_and_explained_with_its_own_seven_working_days()
    {
        var tenant = await TestTenant.CreateAsync(engine, jurisdiction: "RU");
        var body = Submissions.Valid(tenant.Slug, "rectification");
        var response = await engine.CreateClient().SendAsync(Submissions.Post(body));
        var accepted = await response.ReadObjectAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), accepted.ToJsonString());
        var auditor = tenant.Staff(engine, "auditor");
        var staff = await auditor.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{accepted["reference"]}");
        var explained = await auditor.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{accepted["reference"]}/deadline");
        var due = (string)staff!["deadline"]!["effectiveDue"]!;
        var law = explained!["steps"]!.AsArray().Where(s => (string)s!["kind"]! == "law").Select(s => (string)s!["text"]!).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)staff["regime"]!, Is.EqualTo("152-fz"));
            Assert.That(law.Single(t => t.Contains("(152-fz) applies", StringComparison.Ordinal)), Does.EndWith($"due {due}"));
        }
    }

    [Test]
    public async Task Under_gdpr_and_ccpa_a_californian_gets_the_earliest_date_with_the_reason()
    {
        var tenant = await TestTenant.CreateAsync(engine);
        var law = new JsonObject
        {
            ["regimes"] = new JsonArray(
                new JsonObject { ["regime"] = "gdpr", ["scope"] = "establishment" },
                new JsonObject { ["regime"] = "ccpa", ["scope"] = "residence", ["locations"] = new JsonArray("US-CA") }),
        };
        var saved = await tenant.Staff(engine, "admin").PutAsync("/api/v1/staff/settings/law", Submissions.Json(law));
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await saved.Content.ReadAsStringAsync());
        var body = Submissions.Valid(tenant.Slug);
        (body["jurisdiction"], body["regime"]) = ("US-CA", "ccpa");
        var accepted = await (await engine.CreateClient().SendAsync(Submissions.Post(body))).ReadObjectAsync();
        var auditor = tenant.Staff(engine, "auditor");
        var staff = await auditor.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{accepted["reference"]}");
        var explained = await auditor.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{accepted["reference"]}/deadline");
        var steps = explained!["steps"]!.ToJsonString();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)staff!["regime"]!, Is.EqualTo("gdpr"));
            Assert.That((string)staff["deadline"]!["initialDue"]!, Is.EqualTo("2025-03-03"));
            Assert.That(steps, Does.Contain("(ccpa) applies").And.Contain("due 2025-03-18"));
            Assert.That(steps, Does.Contain("2 regimes apply: the earliest deadline wins, gdpr on 2025-03-03"));
        }
    }

    [Test]
    public async Task The_admin_api_refuses_unknown_regimes_and_changes_nothing()
    {
        var tenant = await TestTenant.CreateAsync(engine);
        var bad = new JsonObject { ["regimes"] = new JsonArray(new JsonObject { ["regime"] = "hipaa", ["scope"] = "establishment" }) };
        var admin = tenant.Staff(engine, "admin");
        var refused = await admin.PutAsync("/api/v1/staff/settings/law", Submissions.Json(bad));
        var problem = await refused.ReadObjectAsync();
        var byAgent = await tenant.Staff(engine, "agent").PutAsync("/api/v1/staff/settings/law", Submissions.Json(bad));
        var after = await admin.GetFromJsonAsync<JsonObject>("/api/v1/staff/settings/law");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(refused.ContentType()?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That((string)problem["errors"]!["regimes[0].regime"]![0]!, Does.StartWith("Unknown regime 'hipaa'"));
            Assert.That(byAgent.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(after!.ToJsonString(), Is.EqualTo("""{"regimes":[{"regime":"gdpr","scope":"establishment"}]}"""));
        }
    }

    [Test]
    public async Task The_subjects_status_and_acknowledgement_show_the_due_date()
    {
        var (accepted, staff, _) = await SubmitAsync("FR");
        var status = await engine.CreateClient().GetFromJsonAsync<JsonObject>(
            $"/api/v1/requests/{accepted["reference"]}?token={accepted["statusToken"]}");
        Time.Advance(MailCatcher.PollInterval); // the engine's mail loop waits on this clock: one poll sends the acknowledgement
        var mail = await MailCatcher.WaitForAsync((string)staff["subject"]!["email"]!, "request-received");
        Assert.That((string)status!["dueOn"]!, Is.EqualTo("2025-03-03"));
        Assert.That(mail.Body, Does.Contain("lundi 3 mars 2025").And.Contain("samedi 1er février 2025"));
    }

    // The subject's location is only an input: a place without rules (or a subdivision read as its country) is not refused.
    [TestCase("XX")]
    [TestCase("US")]
    [TestCase("FR-75")]
    public async Task A_location_without_rules_of_its_own_still_gets_the_organisations_law(string jurisdiction)
    {
        var (_, staff, _) = await SubmitAsync(jurisdiction);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)staff["regime"]!, Is.EqualTo("gdpr"));
            Assert.That((string)staff["deadline"]!["initialDue"]!, Is.EqualTo("2025-03-03"));
        }
    }

    [Test]
    public async Task A_regime_from_the_public_is_ignored_and_one_from_staff_is_checked()
    {
        var (_, ignored, _) = await SubmitAsync("FR", regime: "gdpr-2");
        var tenant = await TestTenant.CreateAsync(engine);
        var body = Submissions.Valid(tenant.Slug);
        body["regime"] = "gdpr-2";
        body["channel"] = "email";
        var response = await tenant.Staff(engine, "agent").SendAsync(Submissions.Post(body, path: "/api/v1/staff/requests"));
        var problem = await response.ReadObjectAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)ignored["regime"]!, Is.EqualTo("gdpr"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), problem.ToJsonString());
            Assert.That((string)problem["errors"]!["regime"]![0]!, Does.StartWith("Unknown regime 'gdpr-2'").And.Contain("uk-gdpr"));
        }
    }
}
