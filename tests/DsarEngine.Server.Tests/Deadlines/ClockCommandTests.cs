using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Deadlines;

// Extending, stopping and resuming the clock: allowed only as the law allows, journaled with who and why.
public sealed class ClockCommandTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero); // Monday
    private FakeTimeProvider time = null!;
    private EngineFactory engine = null!;

    // Every test starts on Monday 3 March. FakeTimeProvider only moves forward, so each test gets its own clock and
    // the engine that runs on it.
    [SetUp]
    public async Task StartEngine()
    {
        time = new FakeTimeProvider(Start);
        engine = await EngineFactory.StartAsync(time: time);
    }

    [TearDown]
    public async Task StopEngine() => await engine.DisposeAsync();

    // Submits and gets past identity (verified by staff), so the clock runs unless a test stops it.
    private async Task<(TestTenant Tenant, string Reference, HttpClient Staff)> SubmitAsync(
        string jurisdiction = "FR", string tenantJurisdiction = "FR", string right = "access")
    {
        // The organisation's jurisdiction decides the law (a Californian business for a CCPA request), not the subject's.
        var tenant = await TestTenant.CreateAsync(engine, jurisdiction: jurisdiction == "US-CA" ? jurisdiction : tenantJurisdiction);
        var body = Submissions.Valid(tenant.Slug, right);
        body["jurisdiction"] = jurisdiction;
        var accepted = await (await engine.CreateClient().SendAsync(Submissions.Post(body))).ReadObjectAsync();
        var reference = (string)accepted["reference"]!;
        var staff = tenant.Staff(engine, "privacy-officer");
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("identity"), "the identity step");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/identity", new { evidence = "Known customer, called back." });
        await TestData.Workflows.WaitForAsync(staff, reference, v => (string?)v["waitingFor"] != "identity", "identity verified");
        return (tenant, reference, staff);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string reference, string action, object body) =>
        client.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/{action}", body);

    [Test]
    public async Task An_extension_in_time_moves_the_due_date_tells_the_subject_and_is_journaled()
    {
        var (tenant, reference, staff) = await SubmitAsync();
        time.Advance(TimeSpan.FromDays(20));
        var response = await PostAsync(staff, reference, "extension", new { reason = "Data held in 14 systems, two of them archived." });
        var view = await response.ReadObjectAsync();
        var journal = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/journal");
        var subject = (await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}"))!["subject"]!;
        time.Advance(MailCatcher.PollInterval); // the engine's mail loop waits on this clock: one poll sends the notice
        var notice = await MailCatcher.WaitForAsync((string)subject["email"]!, "deadline-extended");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), view.ToJsonString());
            Assert.That((bool)view["deadline"]!["extended"]!, Is.True);
            Assert.That((string)view["deadline"]!["effectiveDue"]!, Is.EqualTo("2025-06-03"));
            var entry = journal!["entries"]!.AsArray().Last()!;
            Assert.That((string)entry["kind"]!, Is.EqualTo("deadline-extended"));
            Assert.That((string)entry["actor"]!, Is.EqualTo("api-key:privacy-officer"));
            Assert.That((string)entry["data"]!["reason"]!, Does.StartWith("Data held in 14 systems"));
            Assert.That((bool)journal["verified"]!, Is.True);
            Assert.That(notice.Body, Does.Contain("Data held in 14 systems").And.Contain("3 juin 2025"));
            Assert.That(await Rows.ScalarAsync<long>(engine,
                    "SELECT count(*) FROM mail_messages WHERE tenant_id = @id AND template = 'deadline-extended'", new { id = tenant.Id }),
                Is.EqualTo(1));
        }
    }

    [Test]
    public async Task A_second_extension_is_refused_and_changes_nothing()
    {
        var (_, reference, staff) = await SubmitAsync();
        await PostAsync(staff, reference, "extension", new { reason = "Complex." });
        var second = await PostAsync(staff, reference, "extension", new { reason = "Still complex." });
        var problem = await second.ReadObjectAsync();
        var journal = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/journal");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That((string)problem["type"]!, Is.EqualTo("urn:dsar:problem:extension-refused"));
            Assert.That((string)problem["detail"]!, Does.Contain("already extended once"));
            Assert.That(journal!["entries"]!.AsArray().Count(e => (string)e!["kind"]! == "deadline-extended"), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task An_extension_after_the_initial_deadline_is_refused()
    {
        var (_, reference, staff) = await SubmitAsync();
        time.Advance(TimeSpan.FromDays(40));
        var response = await PostAsync(staff, reference, "extension", new { reason = "Late." });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((string)(await response.ReadObjectAsync())["detail"]!, Does.StartWith("Too late to extend"));
    }

    [Test]
    public async Task An_extension_needs_reasons()
    {
        var (_, reference, staff) = await SubmitAsync();
        var response = await PostAsync(staff, reference, "extension", new { reason = " " });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.ReadObjectAsync())["errors"]!["reason"], Is.Not.Null);
    }

    [Test]
    public async Task Waiting_for_a_clarification_adds_the_waiting_days_under_the_gdpr()
    {
        var (_, reference, staff) = await SubmitAsync();
        time.Advance(TimeSpan.FromDays(2));
        var stopped = await (await PostAsync(staff, reference, "clock/stop", new { reason = "clarification" })).ReadObjectAsync();
        time.Advance(TimeSpan.FromDays(7));
        var resumed = await PostAsync(staff, reference, "clock/resume", new { note = "Passport copy received." });
        var view = await resumed.ReadObjectAsync();
        var deadline = view["deadline"]!;
        using (Assert.EnterMultipleScope())
        {
            // Waiting for identity proof stopped nothing (no doubt was stated): this is the only stop.
            Assert.That((string)stopped["deadline"]!["stops"]![0]!["start"]!, Is.EqualTo("2025-03-05"));
            Assert.That(resumed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string)deadline["stops"]![0]!["end"]!, Is.EqualTo("2025-03-12"));
            // Due 3 April without the wait; seven days of waiting move it to 10 April.
            Assert.That((string)deadline["effectiveDue"]!, Is.EqualTo("2025-04-10"));
        }
    }

    [Test]
    public async Task The_clock_cannot_be_stopped_twice_or_resumed_while_running()
    {
        var (_, reference, staff) = await SubmitAsync();
        var resume = await PostAsync(staff, reference, "clock/resume", new { });
        await PostAsync(staff, reference, "clock/stop", new { reason = "clarification" });
        var again = await PostAsync(staff, reference, "clock/stop",
            new { reason = "identity-proof", note = "The reply came from another address." });
        var unknown = await PostAsync(staff, reference, "clock/stop", new { reason = "holiday" });
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)(await resume.ReadObjectAsync())["type"]!, Is.EqualTo("urn:dsar:problem:clock-not-stopped"));
            Assert.That((string)(await again.ReadObjectAsync())["type"]!, Is.EqualTo("urn:dsar:problem:clock-already-stopped"));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }
    }

    // GDPR Art. 12(5): the EU GDPR has no fee that stops the clock.
    [Test]
    public async Task A_fee_stop_under_the_gdpr_is_refused_and_changes_nothing()
    {
        var (_, reference, staff) = await SubmitAsync();
        var before = await (await staff.GetAsync($"/api/v1/staff/requests/{reference}")).ReadObjectAsync();
        var response = await PostAsync(staff, reference, "clock/stop", new { reason = "fee" });
        var problem = await response.ReadObjectAsync();
        var after = await (await staff.GetAsync($"/api/v1/staff/requests/{reference}")).ReadObjectAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That((string)problem["type"]!, Is.EqualTo("urn:dsar:problem:clock-does-not-stop"));
            Assert.That((string)problem["detail"]!, Does.Contain("GDPR Art. 12(5)"));
            Assert.That(after["deadline"]!.ToJsonString(), Is.EqualTo(before["deadline"]!.ToJsonString()));
        }
    }

    // UK GDPR Art. 12A, the legal review's example: received 3 March 2025, clarification asked 20 March and answered
    // 21 March: the two days are added (5 April, a Saturday), due Monday 7 April; a restart would give 22 April.
    [Test]
    public async Task A_UK_clarification_pauses_the_clock_of_an_access_request()
    {
        var (_, reference, staff) = await SubmitAsync("GB", tenantJurisdiction: "GB");
        time.Advance(TimeSpan.FromDays(17));
        var stopped = await PostAsync(staff, reference, "clock/stop", new { reason = "clarification" });
        time.Advance(TimeSpan.FromDays(1));
        var resumed = await (await PostAsync(staff, reference, "clock/resume", new { note = "Scope clarified." })).ReadObjectAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stopped.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string)resumed["deadline"]!["effectiveDue"]!, Is.EqualTo("2025-04-07"));
        }
    }

    [Test]
    public async Task A_UK_clarification_does_not_stop_the_clock_of_an_erasure_request()
    {
        var (_, reference, staff) = await SubmitAsync("GB", tenantJurisdiction: "GB", right: "erasure");
        var response = await PostAsync(staff, reference, "clock/stop", new { reason = "clarification" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((string)(await response.ReadObjectAsync())["detail"]!, Does.Contain("only for access requests, not erasure"));
    }

    // 152-FZ Art. 20(3): the request's right reaches its clock at intake and after every change.
    [Test]
    public async Task A_Russian_erasure_request_is_due_in_7_working_days_without_extension()
    {
        var (_, reference, staff) = await SubmitAsync("RU", tenantJurisdiction: "RU", right: "erasure");
        var deadline = (await (await staff.GetAsync($"/api/v1/staff/requests/{reference}")).ReadObjectAsync())["deadline"]!;
        var explained = await (await staff.GetAsync($"/api/v1/staff/requests/{reference}/deadline")).ReadObjectAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)deadline["initialDue"]!, Is.EqualTo("2025-03-13"));
            Assert.That(deadline["extendedDue"], Is.Null);
            Assert.That((string)explained["right"]!, Is.EqualTo("erasure"));
        }
    }

    [Test]
    public async Task Under_the_ccpa_verification_does_not_stop_the_clock()
    {
        var (_, reference, staff) = await SubmitAsync("US-CA");
        var response = await PostAsync(staff, reference, "clock/stop",
            new { reason = "identity-proof", note = "The e-mail differs from the account's." });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((string)(await response.ReadObjectAsync())["type"]!, Is.EqualTo("urn:dsar:problem:clock-does-not-stop"));
    }

    [Test]
    public async Task An_auditor_cannot_touch_the_clock()
    {
        var (tenant, reference, _) = await SubmitAsync();
        var response = await PostAsync(tenant.Staff(engine, "auditor"), reference, "extension", new { reason = "No." });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Another_organisation_cannot_extend_my_request()
    {
        var (_, reference, _) = await SubmitAsync();
        var other = await TestTenant.CreateAsync(engine);
        var response = await PostAsync(other.Staff(engine, "admin"), reference, "extension", new { reason = "Mine now." });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
