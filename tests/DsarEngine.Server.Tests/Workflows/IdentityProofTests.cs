using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Workflows;

// E-mail proof of identity end to end: the challenge e-mail (read from the subject's inbox), the link page, the code, and its limits.
public sealed partial class IdentityProofTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static async Task<(string Reference, HttpClient Staff, Guid Challenge, string Token, string Code)> SubmitAsync()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var body = Submissions.Valid(tenant.Slug);
        var reference = (string)(await (await Engine.CreateClient().SendAsync(Submissions.Post(body))).ReadObjectAsync())["reference"]!;
        var staff = tenant.Staff(Engine, "agent");
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("identity"), "the identity step");
        // The subject's inbox, as the subject reads it.
        var text = (await MailCatcher.WaitForAsync((string)body["subject"]!["email"]!, "identity-challenge")).Body;
        var link = new Uri(LinkPattern().Match(text).Value);
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        return (reference, staff, Guid.Parse(query["challenge"]!), query["token"]!, CodePattern().Match(text).Groups[1].Value);
    }

    [Test]
    public async Task The_code_from_the_email_verifies_once_and_the_workflow_moves_on()
    {
        var (reference, staff, challenge, _, code) = await SubmitAsync();
        var client = Engine.CreateClient();
        var verified = await client.PostAsJsonAsync($"/api/v1/requests/{reference}/identity", new { challenge, code });
        var again = await client.PostAsJsonAsync($"/api/v1/requests/{reference}/identity", new { challenge, code });
        var view = await TestData.Workflows.WaitForAsync(staff, reference, v => (string?)v["waitingFor"] != "identity",
            "the step after identity");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(verified.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That((string)view["waitingFor"]!, Does.StartWith("decision:"));
        }
    }

    [Test]
    public async Task The_link_opens_a_page_and_only_its_form_post_verifies()
    {
        var (reference, staff, challenge, token, _) = await SubmitAsync();
        var client = Engine.CreateClient();
        var page = await client.GetAsync($"/api/v1/requests/{reference}/identity?challenge={challenge}&token={token}");
        var still = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/workflow");
        var posted = await client.PostAsync($"/api/v1/requests/{reference}/identity",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["challenge"] = challenge.ToString(), ["token"] = token }));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("<form method=\"post\""));
            Assert.That((string)still!["waitingFor"]!, Is.EqualTo("identity"), "a GET must never verify");
            Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            // A person pressed the button: the answer is a page saying so, in the subject pages' look, not JSON.
            Assert.That(posted.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            var done = System.Net.WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());
            Assert.That(done, Does.Contain("<html lang=\"fr\"").And.Contain("Merci : vous avez confirmé que c’est bien vous."),
                "in the request's language (the test submission is French)");
        }
    }

    [Test]
    public async Task Wrong_codes_are_counted_and_lock_the_challenge_after_five()
    {
        var (reference, _, challenge, _, code) = await SubmitAsync();
        var client = Engine.CreateClient();
        var wrong = code == "000000" ? "111111" : "000000";
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
            statuses.Add(
                (await client.PostAsJsonAsync($"/api/v1/requests/{reference}/identity", new { challenge, code = wrong })).StatusCode);
        var right = await client.PostAsJsonAsync($"/api/v1/requests/{reference}/identity", new { challenge, code });
        Assert.That(statuses, Is.EqualTo(Enumerable.Repeat(HttpStatusCode.BadRequest, 5).Append(HttpStatusCode.TooManyRequests)));
        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "even the right code is refused once locked");
    }

    [Test]
    public async Task Staff_can_verify_manually_with_evidence_and_an_empty_evidence_is_refused()
    {
        var (reference, staff, _, _, _) = await SubmitAsync();
        var empty = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/identity", new { evidence = "" });
        var manual = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/identity",
            new { evidence = "Called back on the phone number on file." });
        Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(manual.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [GeneratedRegex(@"http://\S+/identity\?\S+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"(?:code|code lorsqu'il vous est demandé)\s*:\s*(\d{6})")]
    private static partial Regex CodePattern();
}
