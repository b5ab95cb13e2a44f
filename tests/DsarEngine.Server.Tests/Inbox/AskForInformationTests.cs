using System.Net;
using System.Net.Http.Json;
using DsarEngine.Server.Conversations;
using DsarEngine.Server.Inbox.Request;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Mail;
using DsarEngine.Workflows.Security;

namespace DsarEngine.Server.Tests.Inbox;

// "Ask the subject for more information": the question and the clock stop happen together or not at all (GDPR
// Recital 63 where the regime stops the clock), the dialog says what the regime does, and the clock can be resumed.
public sealed class AskForInformationTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private const string Question = "Merci de nous indiquer l'adresse e-mail de votre ancien compte, fermé en 2021.";

    private static PageAction Ask(RequestPageModel page) => page.Actions.Single(a => a.Kind == ActionKind.AskForInformation);

    private static Task<long> MailsAsync(TestTenant tenant) => Rows.ScalarAsync<long>(Engine,
        "SELECT count(*) FROM mail_messages WHERE tenant_id = @Id AND template = 'information-requested'", new { tenant.Id });

    [Test]
    public async Task Asking_for_more_information_sends_the_question_and_stops_the_clock()
    {
        var (tenant, reference, email, _) = await ConversationDriver.PastIdentityAsync(Engine);
        var page = await ConversationDriver.PageAsync(Engine, tenant, reference);
        var officer = InboxPeople.Person(tenant, StaffRoles.PrivacyOfficer);
        var result = await InboxPeople.Actions(Engine, officer)
            .RunAsync(reference, Ask(page), new(Question), page.Workflow!.Version, default);
        var after = await ConversationDriver.PageAsync(Engine, tenant, reference);
        var mail = await MailCatcher.WaitForAsync(email, MailTemplates.InformationRequested);
        var (_, messages) = await ConversationDriver.Actions(Engine, officer).ReadAsync(reference, default);
        var kinds = after.Journal.Entries.Select(e => e.Kind).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Ask(page).Explanation, Does.Contain("The clock stops (reason: clarification)"));
            Assert.That(result.Succeeded, Is.True, result.Message);
            Assert.That(result.Message, Does.Contain("the clock is stopped"));
            Assert.That(after.Request.Deadline.Stops.Count(s => s.End is null), Is.EqualTo(1));
            Assert.That(after.Request.Deadline.Stops[^1].Reason, Is.EqualTo("clarification"));
            Assert.That(after.Due.Kind, Is.EqualTo(DueKind.Stopped));
            Assert.That(mail.Body, Does.Contain(Question).And.Contain("est suspendu"));
            Assert.That(messages.Single().Purpose, Is.EqualTo(MessagePurposes.MoreInformation));
            Assert.That(messages.Single().ClockStopped, Is.True);
            Assert.That(kinds.IndexOf("message-sent"), Is.EqualTo(kinds.IndexOf("clock-stopped") + 1), "one transaction, in order");
            Assert.That(after.Journal.Verified, Is.True);
            Assert.That(after.Actions.Select(a => a.Kind),
                Does.Contain(ActionKind.ResumeClock).And.Not.Contain(ActionKind.AskForInformation));
        }
    }

    [Test]
    public async Task A_clock_stop_refused_after_the_page_was_loaded_sends_nothing_and_changes_nothing()
    {
        var (tenant, reference, email, staff) = await ConversationDriver.PastIdentityAsync(Engine);
        var page = await ConversationDriver.PageAsync(Engine, tenant, reference);
        // Someone else stops the clock (waiting for identity proof) while this page is open: a second stop is refused.
        var other = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/clock/stop",
            new { reason = "identity-proof", note = "The reply came from another address." });
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var journal = (await ConversationDriver.PageAsync(Engine, tenant, reference)).Journal.Entries.Length;

        var officer = InboxPeople.Person(tenant, StaffRoles.PrivacyOfficer);
        var result = await InboxPeople.Actions(Engine, officer)
            .RunAsync(reference, Ask(page), new(Question), page.Workflow!.Version, default);
        var after = await ConversationDriver.PageAsync(Engine, tenant, reference);
        var (_, messages) = await ConversationDriver.Actions(Engine, officer).ReadAsync(reference, default);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Message, Does.Contain("resume it first").And.Contain("Nothing was sent"));
            Assert.That(messages, Is.Empty);
            Assert.That(await MailsAsync(tenant), Is.Zero);
            Assert.That(await MailCatcher.ListAsync(email),
                Has.None.Matches<CaughtMail>(m => m.Template == MailTemplates.InformationRequested));
            Assert.That(after.Journal.Entries, Has.Length.EqualTo(journal));
            Assert.That(after.Request.Deadline.Stops.Single(s => s.End is null).Reason, Is.EqualTo("identity-proof"));
        }
    }

    [Test]
    public async Task Resuming_the_clock_closes_the_stopped_span_and_offers_the_question_again()
    {
        var (tenant, reference, _, _) = await ConversationDriver.PastIdentityAsync(Engine);
        var officer = InboxPeople.Actions(Engine, InboxPeople.Person(tenant, StaffRoles.PrivacyOfficer));
        var page = await ConversationDriver.PageAsync(Engine, tenant, reference);
        var asked = await officer.RunAsync(reference, Ask(page), new(Question), page.Workflow!.Version, default);
        Assert.That(asked.Succeeded, Is.True, asked.Message);
        var stopped = await ConversationDriver.PageAsync(Engine, tenant, reference);
        var resume = stopped.Actions.Single(a => a.Kind == ActionKind.ResumeClock);
        var result = await officer.RunAsync(reference, resume, new("The old address arrived."), stopped.Workflow!.Version, default);
        var after = await ConversationDriver.PageAsync(Engine, tenant, reference);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(resume.Explanation, Does.Contain("(clarification)"));
            Assert.That(result.Succeeded, Is.True, result.Message);
            Assert.That(after.Request.Deadline.Stops.Where(s => s.Reason == "clarification").Select(s => s.End), Has.All.Not.Null);
            Assert.That(after.Journal.Entries[^1].Kind, Is.EqualTo("clock-resumed"));
            Assert.That(after.Journal.Entries[^1].Actor, Is.EqualTo($"{tenant.Slug}/{StaffRoles.PrivacyOfficer}@example.org"));
            Assert.That(after.Actions.Select(a => a.Kind),
                Does.Contain(ActionKind.AskForInformation).And.Not.Contain(ActionKind.ResumeClock));
        }
    }

    // The CCPA's 45 days run while the business waits (11 CCR §7021(b)): the dialog says so before anyone
    // confirms, the question is still sent, and no stop is recorded.
    [Test]
    public async Task Under_a_regime_whose_clock_keeps_running_the_question_is_sent_and_the_clock_runs_on()
    {
        var (tenant, reference, email, _) = await ConversationDriver.PastIdentityAsync(Engine, "US-CA");
        var page = await ConversationDriver.PageAsync(Engine, tenant, reference);
        var result = await InboxPeople.Actions(Engine, InboxPeople.Person(tenant, StaffRoles.PrivacyOfficer))
            .RunAsync(reference, Ask(page), new(Question), page.Workflow!.Version, default);
        var mail = await MailCatcher.WaitForAsync(email, MailTemplates.InformationRequested);
        var after = await ConversationDriver.PageAsync(Engine, tenant, reference);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Ask(page).Explanation, Does.Contain("the clock keeps running while you wait").And.Not.Contain("The clock stops"));
            Assert.That(result.Succeeded, Is.True, result.Message);
            Assert.That(result.Message, Does.Contain("The clock keeps running"));
            Assert.That(after.Request.Deadline.Stops.Where(s => s.End is null), Is.Empty);
            Assert.That(after.Journal.Entries.Select(e => e.Kind), Does.Contain("message-sent").And.Not.Contain("clock-stopped"));
            Assert.That(mail.Body, Does.Contain(Question).And.Not.Contain("suspendu"));
        }
    }
}
