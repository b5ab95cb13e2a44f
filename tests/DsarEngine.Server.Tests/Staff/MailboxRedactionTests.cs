using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Staff;

// Review H1: a subject's links and one-time codes reach the subject only. Staff cannot read them from the mailbox,
// and cannot use them through the subject's endpoints, where the act would be journaled as the subject's.
public sealed partial class MailboxRedactionTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static async Task<(TestTenant Tenant, string Reference, string Email, Guid Challenge, string Token, string Code,
        string StatusToken)> SubmitAsync()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var email = Submissions.UniqueEmail("secret");
        var (reference, statusToken) = await RequestDriver.SubmitWithTokenAsync(Engine, tenant, "access", email);
        var challengeMail = await MailCatcher.WaitForAsync(email, "identity-challenge");
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(IdentityLink().Match(challengeMail.Body).Value).Query);
        return (tenant, reference, email, Guid.Parse(query["challenge"]!), query["token"]!, Code().Match(challengeMail.Body).Value,
            statusToken);
    }

    [Test]
    public async Task Neither_an_auditor_nor_an_admin_can_obtain_a_subjects_code_or_link_from_the_mailbox()
    {
        var (tenant, _, email, _, token, code, statusToken) = await SubmitAsync();
        var received = await MailCatcher.WaitForAsync(email, "request-received");
        var byAuditor = await tenant.Staff(Engine, "auditor").GetAsync("/api/v1/staff/mailbox");
        var byOfficer = await tenant.Staff(Engine, "privacy-officer").GetAsync("/api/v1/staff/mailbox");
        var admin = tenant.Staff(Engine, "admin");
        var raw = await WaitForAllSentAsync(admin, email);
        var mails = JsonNode.Parse(raw)!.AsArray();
        var challenge = mails.Single(m => (string)m!["template"]! == "identity-challenge")!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(byAuditor.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((string)(await byAuditor.ReadObjectAsync())["type"]!, Is.EqualTo("urn:dsar:problem:forbidden"));
            Assert.That(byOfficer.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "only admins see the mailbox");
            Assert.That(code, Does.Match(@"^\d{6}$"), "the subject did receive a code");
            Assert.That(raw, Does.Not.Contain(token).And.Not.Contain(statusToken), "no link the subject received");
            Assert.That(mails.Select(m => (string)m!["body"]!), Has.None.Match($@"(?<!\d){code}(?!\d)"), "no code the subject received");
            Assert.That(received.Body, Does.Contain(statusToken), "the subject's own copy has the status link");
            Assert.That((string)challenge["body"]!,
                Does.Contain("[one-time code sent to the subject]").And.Contain("[link sent to the subject]"));
            Assert.That(mails.Select(m => (string)m!["state"]!), Has.All.EqualTo("sent"));
        }
    }

    [Test]
    public async Task A_staff_key_cannot_verify_identity_with_the_subjects_code_and_nothing_changes()
    {
        var (tenant, reference, _, challenge, token, code, _) = await SubmitAsync();
        var admin = tenant.Staff(Engine, "admin");
        var withCode = await admin.PostAsJsonAsync($"/api/v1/requests/{reference}/identity", new { challenge, code });
        var withLink = await admin.PostAsync($"/api/v1/requests/{reference}/identity",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["challenge"] = challenge.ToString(), ["token"] = token }));
        var workflow = await admin.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/workflow");
        var journal = await admin.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/journal");
        var bySubject = await Engine.CreateClient().PostAsJsonAsync($"/api/v1/requests/{reference}/identity", new { challenge, code });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(withCode.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            var problem = await withCode.ReadObjectAsync();
            Assert.That((string)problem["type"]!, Is.EqualTo("urn:dsar:problem:forbidden"));
            Assert.That((string)problem["title"]!, Does.Contain("staff endpoint with evidence"));
            Assert.That(withLink.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((string)workflow!["waitingFor"]!, Is.EqualTo("identity"));
            Assert.That(journal!["entries"]!.AsArray().Select(e => (string)e!["kind"]!), Has.None.EqualTo("identity-verified"));
            Assert.That(bySubject.StatusCode, Is.EqualTo(HttpStatusCode.OK),
                "the refused calls spent nothing: the subject's code still works");
        }
    }

    // The catcher has the messages once the SMTP server accepted them; the row is marked sent just after.
    private static async Task<string> WaitForAllSentAsync(HttpClient admin, string email)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var raw = await admin.GetStringAsync($"/api/v1/staff/mailbox?to={Uri.EscapeDataString(email)}");
            var states = JsonNode.Parse(raw)!.AsArray().Select(m => (string)m!["state"]!).ToList();
            if (states.Count >= 2 && states.All(s => s == "sent") || watch.Elapsed > TimeSpan.FromSeconds(30))
                return raw;
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"http://\S+/identity\?\S+")]
    private static partial Regex IdentityLink();

    [GeneratedRegex(@"(?<=code[ \u202F\u00A0]?: |demandé[ \u202F\u00A0]?: |asked: )\d{6}")]
    private static partial Regex Code();
}
