using Dapper;
using DsarEngine.Server.Accounts;
using DsarEngine.Server.Inbox;
using DsarEngine.Server.Inbox.Request;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DsarEngine.Server.Tests.Inbox;

// Assigning a request: to a person of the same organisation who may work it, by an officer or admin (an agent only takes
// an unassigned request or gives theirs back, an auditor nothing), journaled in the hash chain under the actor, told to
// open inbox pages, and refused with an explanation, changing nothing, when someone else assigned it meanwhile.
public sealed class AssignmentTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static RequestAssignment Assignment => Engine.Services.GetRequiredService<RequestAssignment>();

    private static async Task<(TestTenant Tenant, string Reference)> RequestAsync()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "access");
        await TestData.Workflows.WaitForAsync(tenant.Staff(Engine, StaffRoles.Admin), reference, TestData.Workflows.WaitingFor("identity"),
            "the identity step");
        return (tenant, reference);
    }

    private static async Task<Guid?> AssigneeAsync(string reference)
    {
        await using var c = new NpgsqlConnection(Engine.ConnectionString);
        return await c.QuerySingleAsync<Guid?>("SELECT assignee_id FROM requests WHERE reference = @reference", new { reference });
    }

    private static async Task<JournalView> JournalAsync(TestTenant tenant, string reference) =>
        await Engine.Services.GetRequiredService<RequestJournal>().ReadAsync(
            (await Engine.Services.GetRequiredService<RequestStore>().FindAsync(tenant.Id, reference, CancellationToken.None))!,
            CancellationToken.None);

    [Test]
    public async Task An_officer_assigns_a_request_and_the_journal_records_it_under_their_name()
    {
        var (tenant, reference) = await RequestAsync();
        var officer = await StaffPeople.CreateAsync(Engine, tenant, StaffRoles.PrivacyOfficer);
        var agent = await StaffPeople.CreateAsync(Engine, tenant, StaffRoles.Agent);

        var result = await Assignment.AssignAsync(officer.Principal, reference, agent.Id, null, CancellationToken.None);
        var journal = await JournalAsync(tenant, reference);
        var entry = journal.Entries[^1];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Outcome, Is.EqualTo(AssignOutcome.Assigned), result.Message);
            Assert.That(result.Message, Does.Contain($"assigned to {agent.DisplayName}"));
            Assert.That(await AssigneeAsync(reference), Is.EqualTo(agent.Id));
            Assert.That(journal.Verified, Is.True);
            Assert.That(entry.Kind, Is.EqualTo("assigned"));
            Assert.That(entry.Actor, Is.EqualTo($"{tenant.Slug}/{officer.Email}"));
            Assert.That(entry.Data.GetProperty("assignee").GetGuid(), Is.EqualTo(agent.Id));
            Assert.That(entry.Data.GetProperty("previous").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        }

        var unassigned = await Assignment.AssignAsync(officer.Principal, reference, null, agent.Id, CancellationToken.None);
        journal = await JournalAsync(tenant, reference);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(unassigned.Outcome, Is.EqualTo(AssignOutcome.Assigned), unassigned.Message);
            Assert.That(await AssigneeAsync(reference), Is.Null);
            Assert.That(journal.Entries[^1].Kind, Is.EqualTo("unassigned"));
            Assert.That(journal.Entries[^1].Data.GetProperty("previous").GetGuid(), Is.EqualTo(agent.Id));
            Assert.That(journal.Verified, Is.True);
        }
    }

    [Test]
    public async Task Assigning_to_a_person_of_another_organisation_is_refused_and_changes_nothing()
    {
        var (tenant, reference) = await RequestAsync();
        var officer = await StaffPeople.CreateAsync(Engine, tenant, StaffRoles.PrivacyOfficer);
        var stranger = await StaffPeople.CreateAsync(Engine, await TestTenant.CreateAsync(Engine), StaffRoles.Agent);
        var entries = (await JournalAsync(tenant, reference)).Entries.Length;

        var result = await Assignment.AssignAsync(officer.Principal, reference, stranger.Id, null, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Outcome, Is.EqualTo(AssignOutcome.UnknownPerson));
            Assert.That(result.Message, Does.Contain("not in your organisation").And.Contain("Nothing was changed"));
            Assert.That(await AssigneeAsync(reference), Is.Null);
            Assert.That((await JournalAsync(tenant, reference)).Entries, Has.Length.EqualTo(entries));
        }
    }

    [Test]
    public async Task The_database_refuses_an_assignee_of_another_organisation_even_without_the_service()
    {
        var (_, reference) = await RequestAsync();
        var stranger = await StaffPeople.CreateAsync(Engine, await TestTenant.CreateAsync(Engine), StaffRoles.Agent);
        await using var c = new NpgsqlConnection(Engine.ConnectionString);
        Assert.That(async () => await c.ExecuteAsync("UPDATE requests SET assignee_id = @id WHERE reference = @reference",
                new { id = stranger.Id, reference }),
            Throws.InstanceOf<PostgresException>().With.Property(nameof(PostgresException.SqlState)).EqualTo("23503"));
    }

    [Test]
    public async Task A_disabled_person_and_an_auditor_cannot_be_given_a_request()
    {
        var (tenant, reference) = await RequestAsync();
        var admin = await StaffPeople.CreateAsync(Engine, tenant, StaffRoles.Admin);
        var leaver = await StaffPeople.CreateAsync(Engine, tenant, StaffRoles.Agent);
        var auditor = await StaffPeople.CreateAsync(Engine, tenant, StaffRoles.Auditor);
        var disabled = await Engine.Services.GetRequiredService<StaffAccess>().SetDisabledAsync(admin.Principal, leaver.Id, true,
            CancellationToken.None);
        Assert.That(disabled.Outcome, Is.EqualTo(StaffChange.Done));

        var toLeaver = await Assignment.AssignAsync(admin.Principal, reference, leaver.Id, null, CancellationToken.None);
        var toAuditor = await Assignment.AssignAsync(admin.Principal, reference, auditor.Id, null, CancellationToken.None);
        var offered = await Engine.Services.GetRequiredService<StaffAssignees>().ListAsync(tenant.Id, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(toLeaver.Outcome, Is.EqualTo(AssignOutcome.UnknownPerson));
            Assert.That(toLeaver.Message, Does.Contain("disabled"));
            Assert.That(toAuditor.Outcome, Is.EqualTo(AssignOutcome.UnknownPerson));
            Assert.That(toAuditor.Message, Does.Contain("auditor"));
            Assert.That(await AssigneeAsync(reference), Is.Null);
            Assert.That(offered.Select(p => p.Id), Is.EquivalentTo(new[] { admin.Id }), "only people who may be assigned are offered");
        }
    }

    [Test]
    public async Task An_auditor_cannot_assign_anyone_not_even_themselves()
    {
        var (tenant, reference) = await RequestAsync();
        var auditor = await StaffPeople.CreateAsync(Engine, tenant, StaffRoles.Auditor);
        var agent = await StaffPeople.CreateAsync(Engine, tenant, StaffRoles.Agent);

        var toAgent = await Assignment.AssignAsync(auditor.Principal, reference, agent.Id, null, CancellationToken.None);
        var toSelf = await Assignment.AssignAsync(auditor.Principal, reference, auditor.Id, null, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(toAgent.Outcome, Is.EqualTo(AssignOutcome.Refused));
            Assert.That(toAgent.Message, Does.Contain("can read but not assign"));
            Assert.That(toSelf.Outcome, Is.EqualTo(AssignOutcome.Refused));
            Assert.That(await AssigneeAsync(reference), Is.Null);
        }
    }

    [Test]
    public async Task An_agent_takes_an_unassigned_request_and_gives_it_back_but_assigns_no_one_else()
    {
        var (tenant, reference) = await RequestAsync();
        var agent = await StaffPeople.CreateAsync(Engine, tenant, StaffRoles.Agent);
        var colleague = await StaffPeople.CreateAsync(Engine, tenant, StaffRoles.Agent);

        var toColleague = await Assignment.AssignAsync(agent.Principal, reference, colleague.Id, null, CancellationToken.None);
        Assert.That(toColleague.Outcome, Is.EqualTo(AssignOutcome.Refused));
        Assert.That(await AssigneeAsync(reference), Is.Null);

        var taken = await Assignment.AssignAsync(agent.Principal, reference, agent.Id, null, CancellationToken.None);
        Assert.That(taken.Outcome, Is.EqualTo(AssignOutcome.Assigned), taken.Message);
        var takeTheirs = await Assignment.AssignAsync(colleague.Principal, reference, colleague.Id, agent.Id, CancellationToken.None);
        var giveTheirsBack = await Assignment.AssignAsync(colleague.Principal, reference, null, agent.Id, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(takeTheirs.Outcome, Is.EqualTo(AssignOutcome.Refused));
            Assert.That(takeTheirs.Message, Does.Contain("An agent can take an unassigned request"));
            Assert.That(giveTheirsBack.Outcome, Is.EqualTo(AssignOutcome.Refused));
            Assert.That(await AssigneeAsync(reference), Is.EqualTo(agent.Id));
        }

        var givenBack = await Assignment.AssignAsync(agent.Principal, reference, null, agent.Id, CancellationToken.None);
        Assert.That(givenBack.Outcome, Is.EqualTo(AssignOutcome.Assigned), givenBack.Message);
        Assert.That(await AssigneeAsync(reference), Is.Null);
    }

    [Test]
    public async Task Assigning_after_someone_else_did_is_explained_and_changes_nothing()
    {
        var (tenant, reference) = await RequestAsync();
        var officer = await StaffPeople.CreateAsync(Engine, tenant, StaffRoles.PrivacyOfficer);
        var first = await StaffPeople.CreateAsync(Engine, tenant, StaffRoles.Agent);
        var second = await StaffPeople.CreateAsync(Engine, tenant, StaffRoles.Agent);
        Assert.That((await Assignment.AssignAsync(officer.Principal, reference, first.Id, null, CancellationToken.None)).Succeeded);
        var entries = (await JournalAsync(tenant, reference)).Entries.Length;

        // The second person's page still showed the request unassigned.
        var stale = await Assignment.AssignAsync(officer.Principal, reference, second.Id, null, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stale.Outcome, Is.EqualTo(AssignOutcome.Stale));
            Assert.That(stale.Message, Does.Contain("Someone else changed the assignee").And.Contain(first.DisplayName));
            Assert.That(await AssigneeAsync(reference), Is.EqualTo(first.Id));
            Assert.That((await JournalAsync(tenant, reference)).Entries, Has.Length.EqualTo(entries));
        }
    }

    [Test]
    public async Task An_assignment_tells_the_open_inbox_pages_of_its_organisation()
    {
        var (tenant, reference) = await RequestAsync();
        var officer = await StaffPeople.CreateAsync(Engine, tenant, StaffRoles.PrivacyOfficer);
        var told = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = Engine.Services.GetRequiredService<InboxChanges>().Subscribe(tenant.Id, () => told.TrySetResult());

        var result = await Assignment.AssignAsync(officer.Principal, reference, officer.Id, null, CancellationToken.None);

        Assert.That(result.Succeeded, Is.True, result.Message);
        // The deadline only bounds a hang: the NOTIFY arrives at commit.
        Assert.That(async () => await told.Task.WaitAsync(TimeSpan.FromSeconds(30)), Throws.Nothing);
    }
}
