using DsarEngine.Server.Inbox.Request;
using DsarEngine.Server.RequestNotices;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Inbox;

// The request page's "Recipients and controllers to tell" (GDPR Art. 19, 17(2)): an officer lists another controller to
// inform of an erasure and records that it was told, through the same service as the staff API's …/notices
// (RequestNoticeCommands). Refused for an auditor, for an agent on a request not theirs, for another organisation and
// for bad input; a refusal stores nothing.
public sealed class NoticesPanelTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static NoticeActions Actions(System.Security.Claims.ClaimsPrincipal person) =>
        InboxPeople.Service<NoticeActions>(Engine, person);

    private static async Task<(TestTenant Tenant, string Reference)> ErasureAsync(string right = "erasure")
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        return (tenant, await RequestDriver.SubmitAsync(Engine, tenant, right));
    }

    private static async Task<IReadOnlyList<RequestNotice>> NoticesAsync(TestTenant tenant, string reference) =>
        (await LawPanels.PageAsync(tenant, reference)).Notices;

    [Test]
    public async Task An_officer_lists_a_controller_to_inform_and_records_that_it_was_told()
    {
        var (tenant, reference) = await ErasureAsync();
        var officer = Actions(InboxPeople.Person(tenant, StaffRoles.PrivacyOfficer));

        var added = await officer.AddAsync(reference, RequestNoticeKinds.Controller, " Annuaire Pro SARL ", "public-profile", default);
        var again = await officer.AddAsync(reference, RequestNoticeKinds.Controller, "Annuaire Pro SARL", "public-profile", default);
        var listed = (await NoticesAsync(tenant, reference)).Single();
        var blank = await officer.MarkNotifiedAsync(reference, listed.Id, "  ", default);
        var notYet = (await NoticesAsync(tenant, reference)).Single();
        var told = await officer.MarkNotifiedAsync(reference, listed.Id, "E-mail to privacy@annuaire.example", default);
        var twice = await officer.MarkNotifiedAsync(reference, listed.Id, "Letter", default);
        var done = (await NoticesAsync(tenant, reference)).Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(added.Succeeded, Is.True, added.Message);
            Assert.That(again.Succeeded, Is.False);
            Assert.That(again.Message, Does.Contain("already listed"));
            Assert.That((listed.Kind, listed.Recipient, listed.System), Is.EqualTo(("controller", "Annuaire Pro SARL", "public-profile")));
            Assert.That(listed.CreatedBy, Is.EqualTo($"{tenant.Slug}/privacy-officer@example.org"));
            Assert.That(blank.Succeeded, Is.False);
            Assert.That(blank.Message, Does.Contain("method: Required"));
            Assert.That(notYet.NotifiedAt, Is.Null);
            Assert.That(told.Succeeded, Is.True, told.Message);
            Assert.That(twice.Succeeded, Is.False);
            Assert.That(done.NotifiedAt, Is.Not.Null);
            Assert.That(done.Method, Is.EqualTo("E-mail to privacy@annuaire.example"));
            Assert.That(done.NotifiedBy, Is.EqualTo($"{tenant.Slug}/privacy-officer@example.org"));
        }
    }

    [TestCase("erasure", "controller", "", "recipient: Required")]
    [TestCase("access", "recipient", "Partner SA", "kind: Recipients are told only of")]
    [TestCase("rectification", "controller", "Partner SA", "kind: Other controllers are informed only of an erasure")]
    [TestCase("erasure", "someone", "Partner SA", "kind: One of")]
    public async Task Bad_input_is_refused_with_its_reason_and_stores_nothing(string right, string kind, string recipient, string says)
    {
        var (tenant, reference) = await ErasureAsync(right);

        var officer = Actions(InboxPeople.Person(tenant, StaffRoles.PrivacyOfficer));

        var result = await officer.AddAsync(reference, kind, recipient, null, default);

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Message, Does.StartWith("Nothing was changed").And.Contain(says));
        Assert.That(await NoticesAsync(tenant, reference), Is.Empty);
    }

    [Test]
    public async Task An_auditor_is_refused_by_the_page_and_by_the_service_and_nothing_is_stored()
    {
        var (tenant, reference) = await ErasureAsync();
        var auditor = InboxPeople.Person(tenant, StaffRoles.Auditor);

        var page = await Actions(auditor).AddAsync(reference, RequestNoticeKinds.Controller, "Partner SA", null, default);
        var service = await Engine.Services.GetRequiredService<RequestNoticeCommands>()
            .AddAsync(auditor, reference, new NoticeBody(RequestNoticeKinds.Controller, "Partner SA", null), default);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Succeeded, Is.False);
            Assert.That(page.Message, Does.Contain("can read but not change"));
            Assert.That(service.Outcome, Is.EqualTo(NoticeOutcome.Refused));
            Assert.That(await NoticesAsync(tenant, reference), Is.Empty);
        }
    }

    [Test]
    public async Task An_agent_is_refused_on_a_request_not_assigned_to_them()
    {
        var (tenant, reference) = await ErasureAsync();
        var officer = Actions(InboxPeople.Person(tenant, StaffRoles.PrivacyOfficer));
        Assert.That((await officer.AddAsync(reference, RequestNoticeKinds.Recipient, "Partner SA", "crm", default)).Succeeded);
        var notice = (await NoticesAsync(tenant, reference)).Single();
        var agent = await StaffPeople.CreateAsync(Engine, tenant, StaffRoles.Agent);

        var add = await Actions(agent.Principal).AddAsync(reference, RequestNoticeKinds.Controller, "Other SA", null, default);
        var mark = await Actions(agent.Principal).MarkNotifiedAsync(reference, notice.Id, "Phoned their DPO", default);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(add.Message, Does.Contain("only on the requests assigned to them"));
            Assert.That(mark.Message, Does.Contain("only on the requests assigned to them"));
            var notices = await NoticesAsync(tenant, reference);
            Assert.That(notices, Has.Count.EqualTo(1));
            Assert.That(notices[0].NotifiedAt, Is.Null);
        }
    }

    [Test]
    public async Task Another_organisation_cannot_reach_the_requests_notices()
    {
        var (tenant, reference) = await ErasureAsync();
        var officer = Actions(InboxPeople.Person(tenant, StaffRoles.PrivacyOfficer));
        Assert.That((await officer.AddAsync(reference, RequestNoticeKinds.Recipient, "Partner SA", "crm", default)).Succeeded);
        var notice = (await NoticesAsync(tenant, reference)).Single();
        var stranger = Actions(InboxPeople.Person(await TestTenant.CreateAsync(Engine), StaffRoles.PrivacyOfficer));

        var add = await stranger.AddAsync(reference, RequestNoticeKinds.Controller, "Other SA", null, default);
        var mark = await stranger.MarkNotifiedAsync(reference, notice.Id, "Phoned their DPO", default);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(add.Message, Does.Contain("not in your organisation"));
            Assert.That(mark.Message, Does.Contain("not in your organisation"));
            var notices = await NoticesAsync(tenant, reference);
            Assert.That(notices, Has.Count.EqualTo(1));
            Assert.That(notices[0].NotifiedAt, Is.Null);
        }
    }
}
