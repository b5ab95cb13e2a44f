using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Server.Workflow;
using DsarEngine.Workflows.Runtime;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Workflows;

// The subject withdraws their request (the portal calls WithdrawalService): one transaction closes the workflow, cancels
// its timers, journals withdrawn-by-subject and queues the confirmation e-mail; the inbox then shows it withdrawn.
public sealed class WithdrawalServiceTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static WithdrawalService Service => Engine.Services.GetRequiredService<WithdrawalService>();

    private sealed record Submitted(TestTenant Tenant, string Reference, string Token, string Email, StoredRequest Request);

    private static async Task<Submitted> AtIdentityStepAsync()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var email = Submissions.UniqueEmail("withdraws");
        var (reference, token) = await RequestDriver.SubmitWithTokenAsync(Engine, tenant, "erasure", email);
        await TestData.Workflows.WaitForAsync(tenant.Staff(Engine, StaffRoles.PrivacyOfficer), reference,
            TestData.Workflows.WaitingFor("identity"), "the identity step");
        var request = await Engine.Services.GetRequiredService<RequestStore>().FindAsync(tenant.Id, reference, CancellationToken.None);
        return new(tenant, reference, token, email, request!);
    }

    private static Task<long> CountAsync(string sql, Guid requestId) => Rows.ScalarAsync<long>(Engine, sql, new { requestId });

    private const string OpenTimersSql = "SELECT count(*) FROM timers WHERE request_id = @requestId AND fired_at IS NULL";

    private const string WithdrawnMailsSql =
        "SELECT count(*) FROM mail_messages WHERE request_id = @requestId AND template = 'request-withdrawn'";

    private const string WithdrawalEntriesSql =
        "SELECT count(*) FROM request_journal WHERE request_id = @requestId AND kind = 'withdrawn-by-subject'";

    private static async Task<JournalView> JournalAsync(Submitted s) =>
        await Engine.Services.GetRequiredService<RequestJournal>().ReadAsync(s.Request, CancellationToken.None);

    [Test]
    public async Task A_withdrawal_closes_the_request_journals_the_step_and_mails_the_subject_a_confirmation()
    {
        var s = await AtIdentityStepAsync();
        var waiting = await Engine.CreateClient().GetFromJsonAsync<JsonObject>($"/api/v1/requests/{s.Reference}?token={s.Token}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await CountAsync(OpenTimersSql, s.Request.Id), Is.Positive, "the clock's reminders are scheduled before");
            Assert.That((bool?)waiting!["waitingForYou"], Is.True, "the request waits for the subject's proof of identity before");
        }

        var outcome = await Service.WithdrawAsync(s.Tenant.Id, s.Request.Id, CancellationToken.None);

        var staff = s.Tenant.Staff(Engine, StaffRoles.Auditor);
        var view = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{s.Reference}");
        var workflow = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{s.Reference}/workflow");
        var journal = await JournalAsync(s);
        var status = await Engine.CreateClient().GetFromJsonAsync<JsonObject>($"/api/v1/requests/{s.Reference}?token={s.Token}");
        var mail = await MailCatcher.WaitForAsync(s.Email, "request-withdrawn");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome, Is.EqualTo(new WithdrawalOutcome.Withdrawn()));
            Assert.That((string?)view!["status"], Is.EqualTo("withdrawn"));
            Assert.That((string?)workflow!["status"], Is.EqualTo(InstanceStatus.Closed));
            Assert.That(journal.Verified, Is.True);
            Assert.That(journal.Entries[^1].Kind, Is.EqualTo("withdrawn-by-subject"));
            Assert.That(journal.Entries[^1].Actor, Is.EqualTo("subject"));
            Assert.That(journal.Entries[^1].Data.GetProperty("step").GetString(), Is.EqualTo("verify"));
            Assert.That(await CountAsync(OpenTimersSql, s.Request.Id), Is.Zero, "every timer is cancelled");
            Assert.That((string?)status!["status"], Is.EqualTo("withdrawn"));
            Assert.That((bool?)status["waitingForYou"], Is.False, "a withdrawn request waits for nobody");
            Assert.That(mail.Subject, Is.EqualTo($"Votre demande {s.Reference} est retirée"));
            Assert.That(mail.Body, Does.Contain("ne peut pas être annulé").And.Contain("effacement"));
        }
    }

    [Test]
    public async Task Withdrawing_twice_is_refused_the_second_time_and_writes_nothing_more()
    {
        var s = await AtIdentityStepAsync();
        var first = await Service.WithdrawAsync(s.Tenant.Id, s.Request.Id, CancellationToken.None);
        var second = await Service.WithdrawAsync(s.Tenant.Id, s.Request.Id, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EqualTo(new WithdrawalOutcome.Withdrawn()));
            Assert.That(second, Is.EqualTo(new WithdrawalOutcome.AlreadyClosed("withdrawn", "This request has already been withdrawn.")));
            Assert.That(await CountAsync(WithdrawalEntriesSql, s.Request.Id), Is.EqualTo(1));
            Assert.That(await CountAsync(WithdrawnMailsSql, s.Request.Id), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task A_request_the_organisation_closed_cannot_be_withdrawn_and_says_why()
    {
        var s = await AtIdentityStepAsync();
        var closed = await Engine.Services.GetRequiredService<WorkflowService>().SendAsync(
            s.Request, new Signal.Close("dpo@example.org", "Duplicate of an earlier request."), CancellationToken.None);
        var outcome = await Service.WithdrawAsync(s.Tenant.Id, s.Request.Id, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(closed.Status, Is.EqualTo(WorkflowCommandStatus.Applied));
            Assert.That(outcome, Is.TypeOf<WithdrawalOutcome.AlreadyClosed>());
            Assert.That(((WithdrawalOutcome.AlreadyClosed)outcome).Status, Is.EqualTo("closed"));
            Assert.That(((WithdrawalOutcome.AlreadyClosed)outcome).Reason, Does.Contain("closed by the organisation"));
            Assert.That(await CountAsync(WithdrawalEntriesSql, s.Request.Id), Is.Zero);
            Assert.That(await CountAsync(WithdrawnMailsSql, s.Request.Id), Is.Zero);
        }
    }

    [Test]
    public async Task Another_organisations_request_or_an_unknown_one_is_not_found_and_nothing_changes()
    {
        var s = await AtIdentityStepAsync();
        var other = await TestTenant.CreateAsync(Engine);
        var foreign = await Service.WithdrawAsync(other.Id, s.Request.Id, CancellationToken.None);
        var unknown = await Service.WithdrawAsync(s.Tenant.Id, Guid.NewGuid(), CancellationToken.None);
        var after = await Engine.Services.GetRequiredService<RequestStore>().FindAsync(s.Tenant.Id, s.Reference, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(foreign, Is.EqualTo(new WithdrawalOutcome.NotFound()));
            Assert.That(unknown, Is.EqualTo(new WithdrawalOutcome.NotFound()));
            Assert.That(after!.Status, Is.Not.EqualTo("withdrawn"));
            Assert.That(await CountAsync(WithdrawalEntriesSql, s.Request.Id), Is.Zero);
        }
    }

    // The withdrawal and a staff close race on the same request: one of them wins under the instance's lock, the other
    // changes nothing, and the request, its workflow, its timers and its journal agree on the winner.
    [Test]
    public async Task A_withdrawal_racing_a_staff_close_leaves_one_consistent_outcome()
    {
        for (var round = 0; round < 3; round++)
        {
            var s = await AtIdentityStepAsync();
            var staff = Engine.Services.GetRequiredService<WorkflowService>();
            var withdrawing = Task.Run(() => Service.WithdrawAsync(s.Tenant.Id, s.Request.Id, CancellationToken.None));
            var closing = Task.Run(() =>
                staff.SendAsync(s.Request, new Signal.Close("dpo@example.org", "Closed at the subject's call."), CancellationToken.None));
            await Task.WhenAll(withdrawing, closing);
            var withdrew = withdrawing.Result is WithdrawalOutcome.Withdrawn;
            var closed = closing.Result.Status == WorkflowCommandStatus.Applied;
            var request = await Engine.Services.GetRequiredService<RequestStore>()
                .FindAsync(s.Tenant.Id, s.Reference, CancellationToken.None);
            var journal = await JournalAsync(s);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(withdrew ^ closed, Is.True, $"exactly one wins (withdrawn {withdrew}, closed {closed})");
                Assert.That(withdrew || withdrawing.Result is WithdrawalOutcome.AlreadyClosed, Is.True);
                Assert.That(request!.Status, Is.EqualTo(withdrew ? "withdrawn" : "closed"));
                Assert.That(closing.Result.Instance?.Status, Is.EqualTo(InstanceStatus.Closed));
                Assert.That(journal.Verified, Is.True);
                Assert.That(journal.Entries.Count(e => e.Kind is "withdrawn-by-subject" or "closed-by-operator"), Is.EqualTo(1));
                Assert.That(await CountAsync(WithdrawnMailsSql, s.Request.Id), Is.EqualTo(withdrew ? 1 : 0));
                Assert.That(await CountAsync(OpenTimersSql, s.Request.Id), Is.Zero);
            }
        }
    }

    [Test]
    public async Task The_inbox_shows_a_withdrawn_request_in_words_and_offers_no_action()
    {
        var s = await AtIdentityStepAsync();
        await Service.WithdrawAsync(s.Tenant.Id, s.Request.Id, CancellationToken.None);
        var page = (await InboxPeople.Queries(Engine).LoadAsync(s.Tenant.Id, s.Reference, CancellationToken.None))!;
        var html = await (await InboxSession.SignedInAsync(Engine, s.Tenant, StaffRoles.PrivacyOfficer)).GetStringAsync(
            $"/inbox/requests/{s.Reference}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Actions, Is.Empty);
            Assert.That(html, Does.Contain("<dt>Status</dt><dd>Withdrawn</dd>"));
            Assert.That(html, Does.Contain("The subject withdrew the request at step verify; no further step runs."));
            Assert.That(html, Does.Contain("Closed: the clock no longer runs").And.Contain("Withdrawn here"));
            Assert.That(html, Does.Not.Contain("What you can do now"));
        }
    }
}
