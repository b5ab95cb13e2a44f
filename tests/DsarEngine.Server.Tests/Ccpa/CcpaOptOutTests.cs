using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Settings;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Ccpa;

// California's two opt-outs end to end on the real PostgreSQL and RabbitMQ: the right to opt out of sale/sharing
// (Cal. Civ. Code §1798.120; 11 CCR §7026) and to limit the use of sensitive personal information (§1798.121; §7027). Not
// verifiable requests, 15 business days, the command to every system, the third parties to tell, the CCPA letter, the
// Global Privacy Control signal (§7025); and no such right under another law.
public sealed class CcpaOptOutTests
{
    private const string AdNetwork = "AdNet Exchange Inc.";
    private static EngineFactory Engine => SharedEngine.Engine;
    private StubConnector connector = null!;

    [OneTimeSetUp]
    public async Task StartConnector()
    {
        connector = await StubConnector.StartAsync($"ads-{Guid.NewGuid():N}"[..16]);
        // The ad system sold or shared the data to one third party after the request came in.
        connector.Recipients = c => c is StopSaleAndSharing or LimitSensitiveDataUse ? [AdNetwork] : [];
    }

    [OneTimeTearDown]
    public async Task StopConnector() => await connector.DisposeAsync();

    // A Californian organisation whose identity policy asks a person to check every request, this right by name included.
    private async Task<TestTenant> CaliforniaAsync()
    {
        var tenant = await TestTenant.CreateAsync(Engine, jurisdiction: "US-CA", name: "Pacific Shop Inc.",
            timeZone: "America/Los_Angeles");
        await Engine.Services.GetRequiredService<IdentityPolicyStore>().SaveAsync(tenant.Id, new IdentityPolicy(
            [new IdentityRule(IdentityChecks.Manual, Right: "opt-out-of-sale-sharing"),
                new IdentityRule(IdentityChecks.Manual, Right: "limit-sensitive-use")], IdentityChecks.Manual), CancellationToken.None);
        await connector.ServeAsync(tenant.Slug);
        await TestData.Workflows.RegisterConnectorAsync(Engine, tenant.Id, connector.Name,
            "export", "erase", "stop-sale-sharing", "limit-sensitive-use");
        return tenant;
    }

    private static async Task<(string Reference, HttpResponseMessage Response)> SubmitAsync(TestTenant tenant, string right, bool gpc)
    {
        var body = Submissions.Valid(tenant.Slug, right);
        body["subject"]!["name"] = "Ada Lovelace";
        (body["jurisdiction"], body["language"], body["details"]) = ("US-CA", "en", "Do not sell or share my data.");
        var post = Submissions.Post(body);
        if (gpc)
            post.Headers.Add("Sec-GPC", "1");
        var response = await Engine.CreateClient().SendAsync(post);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        return ((string)(await response.ReadObjectAsync())["reference"]!, response);
    }

    private List<T> Received<T>(Guid requestId) where T : IConnectorCommand
    {
        lock (connector.Received)
            return [.. connector.Received.OfType<T>().Where(c => c.Task.RequestId == requestId)];
    }

    [Test]
    public async Task An_opt_out_reaches_every_system_without_an_identity_check_and_its_third_parties_are_tracked_and_told()
    {
        var tenant = await CaliforniaAsync();
        var (reference, _) = await SubmitAsync(tenant, "opt-out-of-sale-sharing", gpc: true);
        var staff = tenant.Staff(Engine, "privacy-officer");

        var view = await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.Closed, "the opt-out to close");
        var request = (await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}"))!;
        var journal = (await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/journal"))!;
        var kinds = journal["entries"]!.AsArray().Select(e => (string)e!["kind"]!).ToList();
        var notices = (await staff.GetFromJsonAsync<JsonArray>($"/api/v1/staff/requests/{reference}/notices"))!;
        var requestId = await Rows.ScalarAsync<Guid>(Engine, "SELECT id FROM requests WHERE reference = @reference", new { reference });
        var commands = Received<StopSaleAndSharing>(requestId);
        var deadline = request["deadline"]!;
        var receivedOn = DateOnly.Parse((string)deadline["receivedOn"]!, System.Globalization.CultureInfo.InvariantCulture);
        var due = DateOnly.Parse((string)deadline["effectiveDue"]!, System.Globalization.CultureInfo.InvariantCulture);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)view["outcome"]!, Is.EqualTo("completed"));
            Assert.That((string)request["regime"]!, Is.EqualTo("ccpa"));
            // 11 CCR §7026(d): whatever the policy says, nobody was asked to prove who they are.
            Assert.That(kinds, Does.Not.Contain("identity-requested").And.Not.Contain("identity-verified"));
            Assert.That((string?)request["status"], Is.Not.EqualTo("awaiting-identity"));
            // §7026(f)(1): 15 business days (weekdays only at intake: three weeks), no extension, no acknowledgement.
            Assert.That(due.DayNumber - receivedOn.DayNumber, Is.InRange(19, 21));
            Assert.That(deadline["extendedDue"], Is.Null);
            Assert.That(deadline["acknowledgeBy"], Is.Null);
            Assert.That((bool)deadline["canStillExtend"]!, Is.False);
            // §7025: the browser's Global Privacy Control signal is recorded with the request and travels with the command.
            Assert.That((bool)request["globalPrivacyControl"]!, Is.True);
            Assert.That(commands, Has.Count.EqualTo(1));
            Assert.That(commands.Single().GlobalPrivacyControl, Is.True);
            Assert.That(commands.Single().ReceivedAt, Is.EqualTo(DateTimeOffset.Parse((string)request["receivedAt"]!,
                System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(commands.Single().Task.Right, Is.EqualTo(DataSubjectRights.OptOutOfSaleSharing));
            // §7026(f)(2): the third party the system reported is one tracked notice, not yet marked as told.
            Assert.That(notices.Select(n => (string)n!["recipient"]!), Is.EqualTo(new[] { AdNetwork }));
            Assert.That(notices.Single()!["notifiedAt"], Is.Null);
        }

        var (text, _, _) = await Packs.Poppler.ReadAsync(
            await staff.GetByteArrayAsync($"/api/v1/staff/requests/{reference}/pack/letter.pdf"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("Your request to opt out of the sale or sharing of your personal information"));
            Assert.That(text, Does.Contain(reference).And.Contain("Dear Ada Lovelace,"));
            Assert.That(text, Does.Contain("Cal. Civ. Code §1798.120")
                .And.Contain("did not ask you to prove your identity (11 CCR §7026(d))"));
            Assert.That(text, Does.Contain("no later than 15 business days"));
            Assert.That(text, Does.Contain("Global Privacy Control signal"));
            Assert.That(text, Does.Contain("Third parties we notify").And.Contain(AdNetwork).And.Contain("(11 CCR §7026(f)(2))"));
            Assert.That(text, Does.Contain("California Privacy Protection Agency").And.Contain("§1798.125"));
            Assert.That(text, Does.Not.Contain("GDPR").And.Not.Contain("Article").And.Not.Contain("supervisory authority"));
        }
    }

    [Test]
    public async Task A_request_to_limit_the_use_of_sensitive_data_sends_the_limit_command_and_its_own_letter()
    {
        var tenant = await CaliforniaAsync();
        var (reference, _) = await SubmitAsync(tenant, "limit-sensitive-use", gpc: false);
        var staff = tenant.Staff(Engine, "privacy-officer");

        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.Closed, "the request to limit to close");
        var request = (await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}"))!;
        var requestId = await Rows.ScalarAsync<Guid>(Engine, "SELECT id FROM requests WHERE reference = @reference", new { reference });
        var (text, _, _) = await Packs.Poppler.ReadAsync(
            await staff.GetByteArrayAsync($"/api/v1/staff/requests/{reference}/pack/letter.pdf"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Received<LimitSensitiveDataUse>(requestId), Has.Count.EqualTo(1));
            Assert.That(Received<StopSaleAndSharing>(requestId), Is.Empty);
            Assert.That((bool)request["globalPrivacyControl"]!, Is.False);
            Assert.That(text, Does.Contain("Your request to limit the use of your sensitive personal information"));
            Assert.That(text, Does.Contain("§1798.121").And.Contain("11 CCR §7027(m)").And.Contain(AdNetwork));
            Assert.That(text, Does.Not.Contain("Global Privacy Control").And.Not.Contain("GDPR"));
        }
    }

    // These rights exist only under the CCPA: a French organisation (GDPR) refuses them with problem+json and stores nothing.
    [TestCase("opt-out-of-sale-sharing")]
    [TestCase("limit-sensitive-use")]
    public async Task A_California_opt_out_under_the_GDPR_is_refused_and_nothing_is_stored(string right)
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var body = Submissions.Valid(tenant.Slug, right);
        body["jurisdiction"] = "US-CA";
        var post = Submissions.Post(body);
        post.Headers.Add("Sec-GPC", "1");

        var response = await Engine.CreateClient().SendAsync(post);
        var problem = await response.ReadObjectAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.ContentType()?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That((string)problem["errors"]!["right"]![0]!, Does.Contain("exists only under the California CCPA/CPRA")
                .And.Contain("this organisation is not subject to it").And.Contain("EU GDPR").And.Contain("Nothing was stored"));
            Assert.That(await Rows.CountAsync(Engine, "requests", tenant.Id), Is.Zero);
        }
    }

    // A French organisation that applies the CCPA to Californian residents: a Californian's opt-out is framed by the CCPA
    // alone (the GDPR, which also applies, knows no such right); a Parisian's is refused, saying why, and nothing is stored.
    [Test]
    public async Task Under_a_CCPA_residence_rule_only_a_Californian_can_opt_out_and_the_CCPA_alone_sets_the_date()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var law = new JsonObject
        {
            ["regimes"] = new JsonArray(
                new JsonObject { ["regime"] = "gdpr", ["scope"] = "establishment" },
                new JsonObject { ["regime"] = "ccpa", ["scope"] = "residence", ["locations"] = new JsonArray("US-CA") }),
        };
        var saved = await tenant.Staff(Engine, "admin").PutAsync("/api/v1/staff/settings/law", Submissions.Json(law));
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await saved.Content.ReadAsStringAsync());
        var parisian = Submissions.Valid(tenant.Slug, "opt-out-of-sale-sharing");
        var californian = Submissions.Valid(tenant.Slug, "opt-out-of-sale-sharing");
        californian["jurisdiction"] = "US-CA";

        var refused = await Engine.CreateClient().SendAsync(Submissions.Post(parisian));
        var refusal = await refused.ReadObjectAsync();
        Assert.That(await Rows.CountAsync(Engine, "requests", tenant.Id), Is.Zero);
        var accepted = await Engine.CreateClient().SendAsync(Submissions.Post(californian));
        var reference = (string)(await accepted.ReadObjectAsync())["reference"]!;
        var auditor = tenant.Staff(Engine, "auditor");
        var request = (await auditor.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}"))!;
        var explained = (await auditor.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/deadline"))!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(explained["steps"]!.ToJsonString(),
                Does.Contain("EU GDPR also applies to the organisation but knows no opt-out-of-sale-sharing right"));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string)refusal["errors"]!["right"]![0]!,
                Does.Contain("applies the CCPA only to consumers in the places it declares").And.Contain("EU GDPR"));
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That((string)request["regime"]!, Is.EqualTo("ccpa"));
            Assert.That(request["deadline"]!["extendedDue"], Is.Null);
        }
    }
}
