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

    [Test]
    public async Task A_californian_request_is_under_ccpa_with_an_acknowledgement_date()
    {
        var (_, staff, _) = await SubmitAsync("US-CA");
        var deadline = staff["deadline"]!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)staff["regime"]!, Is.EqualTo("ccpa"));
            Assert.That((string)deadline["acknowledgeBy"]!, Is.Not.Null);
            Assert.That((string)deadline["initialDue"]!, Is.EqualTo("2025-03-18"));
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

    [TestCase("XX", "jurisdiction", "Unknown jurisdiction 'XX'")]
    [TestCase("US", "regime", "No default regime for US")]
    public async Task A_jurisdiction_without_rules_is_a_field_error(string jurisdiction, string field, string message)
    {
        var tenant = await TestTenant.CreateAsync(engine);
        var body = Submissions.Valid(tenant.Slug);
        body["jurisdiction"] = jurisdiction;
        var response = await engine.CreateClient().SendAsync(Submissions.Post(body));
        var problem = await response.ReadObjectAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), problem.ToJsonString());
        Assert.That((string)problem["errors"]![field]![0]!, Does.StartWith(message));
        Assert.That(await Rows.CountAsync(engine, "requests", tenant.Id), Is.Zero);
    }

    [Test]
    public async Task An_unknown_regime_is_a_field_error()
    {
        var tenant = await TestTenant.CreateAsync(engine);
        var body = Submissions.Valid(tenant.Slug);
        body["regime"] = "gdpr-2";
        var problem = await (await engine.CreateClient().SendAsync(Submissions.Post(body))).ReadObjectAsync();
        Assert.That((string)problem["errors"]!["regime"]![0]!, Does.StartWith("Unknown regime 'gdpr-2'").And.Contain("uk-gdpr"));
    }
}
