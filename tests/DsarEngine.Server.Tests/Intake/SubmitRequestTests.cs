using System.Net;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Intake;

public sealed class SubmitRequestTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task A_valid_submission_is_stored_before_202_and_its_status_link_works()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var client = Engine.CreateClient();
        var body = Submissions.Valid(tenant.Slug, "erasure");

        var response = await client.SendAsync(Submissions.Post(body));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var accepted = await response.ReadObjectAsync();
        var reference = (string)accepted["reference"]!;

        // Stored and committed before the answer: another connection sees the subject's data already.
        var storedEmail = await Rows.ScalarAsync<string>(Engine,
            "SELECT subject->>'email' FROM requests WHERE reference = @reference", new { reference });
        // The status link opens the portal; the same token reads the JSON status.
        var status = await client.GetAsync($"/api/v1/requests/{reference}?token={accepted["statusToken"]}");
        var view = await status.ReadObjectAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reference, Does.Match("^DSR-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$"));
            Assert.That(response.Headers.Location!.ToString(), Is.EqualTo((string)accepted["statusUrl"]!));
            Assert.That((string)accepted["statusUrl"]!, Is.EqualTo($"http://localhost/portal/{reference}?token={accepted["statusToken"]}"));
            Assert.That(storedEmail, Is.EqualTo((string)body["subject"]!["email"]!));
            Assert.That(status.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            // The workflow starts at once in the background: received, or already asking for identity proof.
            Assert.That((string)view["status"]!, Is.AnyOf("received", "awaiting-identity"));
            Assert.That((string)view["right"]!, Is.EqualTo("erasure"));
            Assert.That((string)view["regime"]!, Is.EqualTo("gdpr"));
        }
    }

    [Test]
    public async Task The_public_status_shows_no_personal_data()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var client = Engine.CreateClient();
        var body = Submissions.Valid(tenant.Slug);
        var accepted = await (await client.SendAsync(Submissions.Post(body))).ReadObjectAsync();
        var text = await client.GetStringAsync($"/api/v1/requests/{accepted["reference"]}?token={accepted["statusToken"]}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Not.Contain((string)body["subject"]!["email"]!));
            Assert.That(text, Does.Not.Contain("Ørsted"));
            // The customer id itself (a reference such as DSR-…-YFCC-5FN4 may well contain "C-").
            Assert.That(text, Does.Not.Contain((string)body["subject"]!["identities"]![0]!["value"]!));
        }
    }

    [Test]
    public async Task A_wrong_or_missing_token_answers_like_an_unknown_reference()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var client = Engine.CreateClient();
        var accepted = await (await client.SendAsync(Submissions.Post(Submissions.Valid(tenant.Slug)))).ReadObjectAsync();
        var reference = (string)accepted["reference"]!;

        var wrong = await client.GetAsync($"/api/v1/requests/{reference}?token=not-the-token");
        var missing = await client.GetAsync($"/api/v1/requests/{reference}");
        var unknown = await client.GetAsync($"/api/v1/requests/DSR-0000-0000-0000?token={accepted["statusToken"]}");
        var header = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/requests/{reference}");
        header.Headers.Add("X-Status-Token", (string)accepted["statusToken"]!);
        var byHeader = await client.SendAsync(header);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(new[] { wrong.StatusCode, missing.StatusCode, unknown.StatusCode }, Has.All.EqualTo(HttpStatusCode.NotFound));
            Assert.That(wrong.ContentType()!.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That((string)(await wrong.ReadObjectAsync())["title"]!, Is.EqualTo((string)(await unknown.ReadObjectAsync())["title"]!));
            Assert.That(byHeader.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task An_unknown_organisation_is_a_field_error_and_stores_nothing()
    {
        var client = Engine.CreateClient();
        var response = await client.SendAsync(Submissions.Post(Submissions.Valid("no-such-org")));
        var problem = await response.ReadObjectAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string)problem["errors"]!["tenant"]![0]!, Is.EqualTo("Unknown organisation 'no-such-org'."));
    }
}
