using System.Net;
using System.Net.Http.Json;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Portal;

// A subject with a request, as the portal tests need one: submitted through the public API, with the status token the
// acknowledgement e-mail's link carries.
internal sealed record PortalSubject(TestTenant Tenant, string Reference, string Token, string Email, HttpClient Staff)
{
    public static async Task<PortalSubject> SubmitAsync(EngineFactory engine, string language = "en", string right = "access")
    {
        var tenant = await TestTenant.CreateAsync(engine);
        var body = Submissions.Valid(tenant.Slug, right);
        var email = Submissions.UniqueEmail("portal");
        body["subject"]!["email"] = email;
        body["language"] = language;
        var response = await engine.CreateClient().SendAsync(Submissions.Post(body));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var accepted = await response.ReadObjectAsync();
        return new(tenant, (string)accepted["reference"]!, (string)accepted["statusToken"]!, email,
            tenant.Staff(engine, "privacy-officer"));
    }

    // Past the identity step (staff verified it), so the workflow is at work and the clock can be stopped.
    public static async Task<PortalSubject> PastIdentityAsync(EngineFactory engine, string language = "en")
    {
        var subject = await SubmitAsync(engine, language);
        await subject.WaitForAsync("identity");
        var verified = await subject.Staff.PostAsJsonAsync($"/api/v1/staff/requests/{subject.Reference}/identity",
            new { evidence = "Known customer, called back." });
        Assert.That(verified.StatusCode, Is.EqualTo(HttpStatusCode.OK), await verified.Content.ReadAsStringAsync());
        await TestData.Workflows.WaitForAsync(subject.Staff, subject.Reference, v => (string?)v["waitingFor"] is { } w && w != "identity",
            "the step after identity");
        return subject;
    }

    public async Task WaitForAsync(string bookmark) =>
        await TestData.Workflows.WaitForAsync(Staff, Reference, TestData.Workflows.WaitingFor(bookmark), bookmark);

    public async Task<PortalBrowser> EnterAsync(EngineFactory engine)
    {
        var browser = PortalBrowser.Open(engine);
        var entered = await browser.EnterAsync(Reference, Token);
        Assert.That(entered.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther), await entered.Content.ReadAsStringAsync());
        return browser;
    }

    public string Page => $"/portal/{Reference}";

    public async Task<System.Text.Json.Nodes.JsonObject> JournalAsync() =>
        (await Staff.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/v1/staff/requests/{Reference}/journal"))!;

    public async Task<IReadOnlyList<(string Kind, string Actor, string Data)>> EntriesAsync() =>
        [.. (await JournalAsync())["entries"]!.AsArray().Select(e =>
            ((string)e!["kind"]!, (string)e["actor"]!, e["data"]!.ToJsonString()))];
}
