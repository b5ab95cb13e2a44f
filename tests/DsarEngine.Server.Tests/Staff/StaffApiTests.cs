using System.Net;
using System.Net.Http.Json;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Staff;

public sealed class StaffApiTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task Without_a_key_the_staff_api_answers_401_with_a_problem()
    {
        var response = await Engine.CreateClient().GetAsync("/api/v1/staff/requests");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(response.ContentType()!.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
        }
    }

    [Test]
    public async Task A_forged_key_is_refused()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var client = Engine.CreateClient();
        var real = tenant.Keys["admin"];
        client.DefaultRequestHeaders.Authorization = new("Bearer", real[..^2] + (real[^1] == 'a' ? "bb" : "aa"));
        Assert.That((await client.GetAsync("/api/v1/staff/requests")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Staff_log_a_letter_with_its_receipt_time_and_the_journal_says_who()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var client = tenant.Staff(Engine, "agent");
        var body = Submissions.Valid(tenant.Slug);
        body["channel"] = "post";
        body["receivedAt"] = "2025-03-01T09:15:00+01:00";

        var response = await client.SendAsync(Submissions.Post(body, path: "/api/v1/staff/requests"));
        var accepted = await response.ReadObjectAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), accepted.ToJsonString());
        var reference = (string)accepted["reference"]!;
        var detail = await client.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/v1/staff/requests/{reference}");
        var journal = await client.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/v1/staff/requests/{reference}/journal");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That((string)detail!["channel"]!, Is.EqualTo("post"));
            Assert.That(DateTimeOffset.Parse((string)detail["receivedAt"]!, System.Globalization.CultureInfo.InvariantCulture),
                Is.EqualTo(new DateTimeOffset(2025, 3, 1, 8, 15, 0, TimeSpan.Zero)));
            Assert.That((string)detail["subject"]!["email"]!, Is.EqualTo((string)body["subject"]!["email"]!));
            Assert.That((bool)journal!["verified"]!, Is.True);
            Assert.That((string)journal["entries"]![0]!["actor"]!, Is.EqualTo("api-key:agent"));
            Assert.That(journal.ToJsonString(), Does.Not.Contain((string)body["subject"]!["email"]!));
        }
    }

    // Security review M8: logging a request as "controller" would skip the identity proof and every notice to the subject.
    [Test]
    public async Task Staff_cannot_log_a_request_on_the_controller_channel_to_skip_identity_proof()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var body = Submissions.Valid(tenant.Slug);
        body["channel"] = "controller";
        var response = await tenant.Staff(Engine, "privacy-officer").SendAsync(Submissions.Post(body, path: "/api/v1/staff/requests"));
        var problem = await response.ReadObjectAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string)problem["errors"]!["channel"]![0]!, Does.Contain("only for requests a controller forwards over OpenDSR"));
            Assert.That(await Rows.CountAsync(Engine, "requests", tenant.Id), Is.Zero);
        }
    }

    [Test]
    public async Task An_auditor_reads_but_cannot_log_requests()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var auditor = tenant.Staff(Engine, "auditor");
        var body = Submissions.Valid(tenant.Slug);
        body["channel"] = "email";
        var write = await auditor.SendAsync(Submissions.Post(body, path: "/api/v1/staff/requests"));
        var read = await auditor.GetAsync("/api/v1/staff/requests");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(write.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((string)(await write.ReadObjectAsync())["type"]!, Is.EqualTo("urn:dsar:problem:forbidden"));
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await Rows.CountAsync(Engine, "requests", tenant.Id), Is.Zero);
        }
    }

    [Test]
    public async Task A_key_only_ever_sees_its_own_organisation()
    {
        var owner = await TestTenant.CreateAsync(Engine);
        var other = await TestTenant.CreateAsync(Engine);
        var reference = (string)(await (await Engine.CreateClient().SendAsync(Submissions.Post(Submissions.Valid(owner.Slug))))
            .ReadObjectAsync())["reference"]!;
        var intruder = other.Staff(Engine, "admin");

        var body = Submissions.Valid(owner.Slug);
        body["channel"] = "email";
        var logForOwner = await intruder.SendAsync(Submissions.Post(body, path: "/api/v1/staff/requests"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That((await intruder.GetAsync($"/api/v1/staff/requests/{reference}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await intruder.GetAsync($"/api/v1/staff/requests/{reference}/journal")).StatusCode,
                Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await intruder.GetFromJsonAsync<object[]>("/api/v1/staff/requests"), Is.Empty);
            Assert.That(await intruder.GetFromJsonAsync<object[]>("/api/v1/staff/mailbox"), Is.Empty);
            Assert.That(logForOwner.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await Rows.CountAsync(Engine, "requests", owner.Id), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Listing_filters_by_status_and_refuses_bad_parameters()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var reference = (string)(await (await Engine.CreateClient().SendAsync(Submissions.Post(Submissions.Valid(tenant.Slug))))
            .ReadObjectAsync())["reference"]!;
        var client = tenant.Staff(Engine, "privacy-officer");
        // "received" lasts only until the workflow starts: filter on the status it then waits in.
        await TestData.Workflows.WaitForAsync(client, reference, TestData.Workflows.WaitingFor("identity"), "the identity step");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await client.GetFromJsonAsync<object[]>("/api/v1/staff/requests?status=awaiting-identity"), Has.Length.EqualTo(1));
            Assert.That(await client.GetFromJsonAsync<object[]>("/api/v1/staff/requests?status=received"), Is.Empty);
            Assert.That(await client.GetFromJsonAsync<object[]>("/api/v1/staff/requests?status=closed"), Is.Empty);
            Assert.That((await client.GetAsync("/api/v1/staff/requests?status=lost")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await client.GetAsync("/api/v1/staff/requests?limit=0")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }
    }
}
