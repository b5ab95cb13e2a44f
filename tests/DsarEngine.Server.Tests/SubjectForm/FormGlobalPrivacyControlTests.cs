using System.Net;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.SubjectForm;

// 11 CCR §7025: a Global Privacy Control signal (Sec-GPC: 1) sent by the browser with the hosted form is a valid opt-out of
// sale/sharing for that browser, and is recorded on the request. The CCPA's opt-outs are on the form only of an organisation
// subject to the CCPA.
public sealed class FormGlobalPrivacyControlTests : FormTestBase
{
    private static string Reference(FormClient.Page page) => page.Document.QuerySelector("#reference")!.TextContent.Trim();

    private static async Task<FormClient.Page> SendAsync(FormClient client, TestTenant tenant, string email, bool gpc)
    {
        var form = await client.GetAsync($"/form/{tenant.Slug}");
        Assert.That(form.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Clock.Advance(TimeSpan.FromSeconds(5));
        return await client.PostAsync($"/form/{tenant.Slug}",
            [("right", "opt-out-of-sale-sharing"), ("email", email), ("name", "Ada Lovelace"), ("token", form.Token!)],
            headers: gpc ? [("Sec-GPC", "1")] : []);
    }

    [Test]
    public async Task An_opt_out_sent_with_a_Global_Privacy_Control_signal_records_it_on_the_request()
    {
        var tenant = await TestTenant.CreateAsync(Engine, jurisdiction: "US-CA", timeZone: "America/Los_Angeles");
        var client = NewClient();
        var withSignal = await SendAsync(client, tenant, "gpc@example.org", gpc: true);
        var without = await SendAsync(client, tenant, "plain@example.org", gpc: false);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(withSignal.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK), withSignal.Document.Body?.TextContent);
            Assert.That(await Rows.ScalarAsync<bool>(Engine, "SELECT global_privacy_control FROM requests WHERE reference = @r",
                new { r = Reference(withSignal) }), Is.True);
            Assert.That(await Rows.ScalarAsync<bool>(Engine, "SELECT global_privacy_control FROM requests WHERE reference = @r",
                new { r = Reference(without) }), Is.False);
            Assert.That(await Rows.ScalarAsync<string>(Engine, "SELECT regime FROM requests WHERE reference = @r",
                new { r = Reference(withSignal) }), Is.EqualTo("ccpa"));
        }
    }

    [Test]
    public async Task Only_an_organisation_subject_to_the_CCPA_offers_its_opt_outs_on_the_form()
    {
        var french = await TenantAsync();
        var californian = await TestTenant.CreateAsync(Engine, jurisdiction: "US-CA", timeZone: "America/Los_Angeles");
        static async Task<List<string?>> OfferedAsync(TestTenant tenant) =>
            [.. (await NewClient().GetAsync($"/form/{tenant.Slug}")).Document.QuerySelectorAll("input[name=right]")
                .Select(i => i.GetAttribute("value"))];

        var frenchRights = await OfferedAsync(french);
        var californianRights = await OfferedAsync(californian);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(frenchRights,
                Does.Contain("access").And.Not.Contain("opt-out-of-sale-sharing").And.Not.Contain("limit-sensitive-use"));
            Assert.That(californianRights, Does.Contain("opt-out-of-sale-sharing").And.Contain("limit-sensitive-use"));
        }
    }
}
