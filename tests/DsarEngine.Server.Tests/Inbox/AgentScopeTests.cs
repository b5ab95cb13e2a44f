using Dapper;
using DsarEngine.Server.Inbox;
using DsarEngine.Server.Inbox.Request;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DsarEngine.Server.Tests.Inbox;

// An agent works the requests assigned to them (issue 13): on any other request the page's actions are refused, with the
// reason, and nothing changes; "My open" lists a person's open requests and nobody else's.
public sealed class AgentScopeTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static RequestAssignment Assignment => Engine.Services.GetRequiredService<RequestAssignment>();

    private static async Task<string> AtIdentityStepAsync(TestTenant tenant)
    {
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "access");
        await TestData.Workflows.WaitForAsync(tenant.Staff(Engine, StaffRoles.Admin), reference, TestData.Workflows.WaitingFor("identity"),
            "the identity step");
        return reference;
    }

    private static async Task<ActionResult> VerifyAsync(TestTenant tenant, StaffPerson person, string reference)
    {
        var page = (await InboxPeople.Queries(Engine).LoadAsync(tenant.Id, reference, CancellationToken.None))!;
        return await InboxPeople.Actions(Engine, person.Principal).RunAsync(reference,
            page.Actions.Single(a => a.Kind == ActionKind.VerifyIdentity), new ActionInput("Matched the account e-mail."),
            page.Workflow!.Version, CancellationToken.None);
    }

    private static async Task<bool> VerifiedAsync(TestTenant tenant, string reference) =>
        (await InboxPeople.Queries(Engine).LoadAsync(tenant.Id, reference, CancellationToken.None))!.IdentityVerified;

    [Test]
    public async Task An_agent_cannot_act_on_an_unassigned_request_nor_on_a_colleagues()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var agent = await StaffPeople.CreateAsync(Engine, tenant, StaffRoles.Agent);
        var colleague = await StaffPeople.CreateAsync(Engine, tenant, StaffRoles.Agent);
        var unassigned = await AtIdentityStepAsync(tenant);
        var theirs = await AtIdentityStepAsync(tenant);
        var officer = await StaffPeople.CreateAsync(Engine, tenant, StaffRoles.PrivacyOfficer);
        Assert.That((await Assignment.AssignAsync(officer.Principal, theirs, colleague.Id, null, CancellationToken.None)).Succeeded);

        var onUnassigned = await VerifyAsync(tenant, agent, unassigned);
        var onTheirs = await VerifyAsync(tenant, agent, theirs);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(onUnassigned.Succeeded, Is.False);
            Assert.That(onUnassigned.Message, Does.Contain("only on the requests assigned to them").And.Contain("Nothing was changed"));
            Assert.That(onTheirs.Succeeded, Is.False);
            Assert.That(await VerifiedAsync(tenant, unassigned), Is.False);
            Assert.That(await VerifiedAsync(tenant, theirs), Is.False);
        }
    }

    [Test]
    public async Task An_agent_acts_on_a_request_once_they_have_taken_it()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var agent = await StaffPeople.CreateAsync(Engine, tenant, StaffRoles.Agent);
        var reference = await AtIdentityStepAsync(tenant);
        Assert.That((await Assignment.AssignAsync(agent.Principal, reference, agent.Id, null, CancellationToken.None)).Succeeded);

        var result = await VerifyAsync(tenant, agent, reference);

        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That(await VerifiedAsync(tenant, reference), Is.True);
    }

    [Test]
    public async Task An_agent_notes_on_any_request_but_writes_to_the_subject_only_on_their_own()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var agent = await StaffPeople.CreateAsync(Engine, tenant, StaffRoles.Agent);
        var reference = await AtIdentityStepAsync(tenant);
        var actions = ConversationDriver.Actions(Engine, agent.Principal);

        var note = await actions.AddNoteAsync(reference, "The address looks like the one on the 2024 complaint.", default);
        var message = await actions.SendMessageAsync(reference, "We are working on your request.", default);
        var (notes, messages) = await actions.ReadAsync(reference, default);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(note.Succeeded, Is.True, note.Message);
            Assert.That(message.Succeeded, Is.False);
            Assert.That(message.Message, Does.Contain("only on the requests assigned to them"));
            Assert.That(notes, Has.Count.EqualTo(1));
            Assert.That(messages, Is.Empty);
        }
    }

    [Test]
    public async Task My_open_lists_my_open_requests_and_the_unassigned_filter_the_rest()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var me = await StaffPeople.CreateAsync(Engine, tenant, StaffRoles.Agent);
        var colleague = await StaffPeople.CreateAsync(Engine, tenant, StaffRoles.Agent);
        var officer = await StaffPeople.CreateAsync(Engine, tenant, StaffRoles.PrivacyOfficer);
        var (mineOpen, mineClosed, theirs, nobodys) = (await AtIdentityStepAsync(tenant), await AtIdentityStepAsync(tenant),
            await AtIdentityStepAsync(tenant), await AtIdentityStepAsync(tenant));
        foreach (var (reference, person) in new[] { (mineOpen, me), (mineClosed, me), (theirs, colleague) })
            Assert.That((await Assignment.AssignAsync(officer.Principal, reference, person.Id, null, CancellationToken.None)).Succeeded);
        await using (var c = new NpgsqlConnection(Engine.ConnectionString))
            await c.ExecuteAsync("UPDATE requests SET status = 'completed' WHERE reference = @mineClosed", new { mineClosed });

        var queries = Engine.Services.GetRequiredService<InboxQueries>();
        async Task<List<InboxRow>> ListAsync(InboxFilter filter, InboxSort sort) =>
            [.. (await queries.PageAsync(tenant.Id, new InboxQuery(filter, sort), CancellationToken.None)).Rows];
        var myOpen = await ListAsync(new InboxFilter(OpenOnly: true, Assignee: new AssigneeFilter(me.Id)), InboxSort.DueSoonest);
        var mine = await ListAsync(new InboxFilter(Assignee: new AssigneeFilter(me.Id)), InboxSort.NewestFirst);
        var unassigned = await ListAsync(new InboxFilter(Assignee: new AssigneeFilter(null)), InboxSort.NewestFirst);
        var everyone = await ListAsync(new InboxFilter(), InboxSort.NewestFirst);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(myOpen.Select(r => r.Reference), Is.EqualTo(new[] { mineOpen }));
            Assert.That(mine.Select(r => r.Reference), Is.EquivalentTo(new[] { mineOpen, mineClosed }));
            Assert.That(unassigned.Select(r => r.Reference), Is.EqualTo(new[] { nobodys }));
            Assert.That(everyone.ToDictionary(r => r.Reference, r => r.Assignee), Is.EquivalentTo(new Dictionary<string, string?>
            {
                [mineOpen] = me.DisplayName, [mineClosed] = me.DisplayName, [theirs] = colleague.DisplayName, [nobodys] = null,
            }));
        }
    }
}
