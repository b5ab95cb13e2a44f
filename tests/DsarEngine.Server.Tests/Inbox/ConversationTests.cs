using System.Text;
using System.Text.Json;
using DsarEngine.Server.Conversations;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Mail;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Inbox;

// Internal notes and messages to the subject on the request page: written by staff who may write, kept in their
// organisation, sealed at rest, journaled by digest (never by text), and a message reaches the subject's real mailbox.
public sealed class ConversationTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task A_note_is_journaled_by_its_digest_under_its_author_and_stays_in_its_organisation()
    {
        var (tenant, reference, _, _) = await ConversationDriver.PastIdentityAsync(Engine);
        const string text = "Called the subject back: she confirmed order O-1234 and the old address in Lyon.";
        var added = await ConversationDriver.Actions(Engine, tenant, StaffRoles.PrivacyOfficer).AddNoteAsync(reference, text, default);
        var byAgent = await ConversationDriver.Actions(Engine, tenant, StaffRoles.Agent)
            .AddNoteAsync(reference, "Second look: fine.", default);
        var stranger = await TestTenant.CreateAsync(Engine);
        var foreign = await ConversationDriver.Actions(Engine, stranger, StaffRoles.Admin).AddNoteAsync(reference, "Mine now.", default);
        var (notes, _) = await ConversationDriver.Actions(Engine, tenant, StaffRoles.Auditor).ReadAsync(reference, default);
        var (strangerNotes, _) = await ConversationDriver.Actions(Engine, stranger, StaffRoles.Admin).ReadAsync(reference, default);
        var page = await ConversationDriver.PageAsync(Engine, tenant, reference);
        var journaled = page.Journal.Entries.Where(e => e.Kind == "note-added").ToList();
        var stored = await Rows.SingleAsync<byte[]>(Engine,
            "SELECT sealed FROM request_notes WHERE tenant_id = @Id AND author LIKE '%privacy-officer%'", new { tenant.Id });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(added.Succeeded, Is.True, added.Message);
            Assert.That(byAgent.Succeeded, Is.True, byAgent.Message);
            Assert.That(foreign.Succeeded, Is.False);
            Assert.That(foreign.Message, Does.Contain("not in your organisation"));
            Assert.That(notes.Select(n => n.Text), Is.EqualTo(new[] { "Second look: fine.", text }), "newest first");
            Assert.That(notes[1].Author, Is.EqualTo($"{tenant.Slug}/privacy-officer@example.org"));
            Assert.That(strangerNotes, Is.Empty);
            Assert.That(page.Journal.Verified, Is.True);
            Assert.That(journaled.Select(e => e.Actor), Is.EqualTo(new[]
            {
                $"{tenant.Slug}/privacy-officer@example.org", $"{tenant.Slug}/agent@example.org",
            }));
            Assert.That(journaled[0].Data.GetProperty("sha256").GetString(), Is.EqualTo(TextSeal.Digest(text)));
            Assert.That(journaled[0].Data.ToString(), Does.Not.Contain("Lyon"), "the journal never holds the text");
            Assert.That(Encoding.UTF8.GetString(stored), Does.Not.Contain("Lyon"), "the text is sealed at rest");
            Assert.That(await Rows.ScalarAsync<long>(Engine, "SELECT count(*) FROM request_notes WHERE tenant_id = @Id",
                new { stranger.Id }), Is.Zero);
        }
    }

    [Test]
    public async Task An_auditor_cannot_add_a_note_send_a_message_or_ask_and_nothing_changes()
    {
        var (tenant, reference, _, _) = await ConversationDriver.PastIdentityAsync(Engine);
        var before = await ConversationDriver.PageAsync(Engine, tenant, reference);
        var auditor = InboxPeople.Person(tenant, StaffRoles.Auditor);
        var note = await ConversationDriver.Actions(Engine, auditor).AddNoteAsync(reference, "I should not write.", default);
        var message = await ConversationDriver.Actions(Engine, auditor).SendMessageAsync(reference, "Nor this.", default);
        var ask = await InboxPeople.Actions(Engine, auditor).RunAsync(reference,
            before.Actions.Single(a => a.Label == "Ask for more information"), new("Which account?"), before.Workflow!.Version, default);
        var after = await ConversationDriver.PageAsync(Engine, tenant, reference);
        var (notes, messages) = await ConversationDriver.Actions(Engine, auditor).ReadAsync(reference, default);
        using (Assert.EnterMultipleScope())
        {
            foreach (var refused in new[] { note, message, ask })
            {
                Assert.That(refused.Succeeded, Is.False);
                Assert.That(refused.Message, Does.Contain("can read but not change").And.Contain("Nothing was changed"));
            }
            Assert.That(notes, Is.Empty);
            Assert.That(messages, Is.Empty);
            Assert.That(after.Journal.Entries, Has.Length.EqualTo(before.Journal.Entries.Length));
            Assert.That(after.Request.Deadline.Stops.Count(s => s.End is null), Is.Zero);
            Assert.That(await Rows.ScalarAsync<long>(Engine,
                "SELECT count(*) FROM mail_messages WHERE tenant_id = @Id AND template IN ('subject-message', 'information-requested')",
                new { tenant.Id }), Is.Zero);
        }
    }

    [Test]
    public async Task A_message_reaches_the_subject_in_their_language_and_shows_as_sent()
    {
        var (tenant, reference, email, _) = await ConversationDriver.PastIdentityAsync(Engine);
        const string text = "Pourriez-vous nous indiquer le numéro de client figurant sur vos factures ?";
        var officer = ConversationDriver.Actions(Engine, tenant, StaffRoles.PrivacyOfficer);
        var sent = await officer.SendMessageAsync(reference, text, default);
        var mail = await MailCatcher.WaitForAsync(email, MailTemplates.SubjectMessage);
        var messages = await ConversationDriver.MessagesWhenAsync(officer, reference,
            m => m.Count == 1 && m[0].Delivery == DeliveryState.Sent, "the message to show as sent");
        var model = await Rows.SingleAsync<string>(Engine,
            "SELECT model::text FROM mail_messages WHERE tenant_id = @Id AND template = 'subject-message'", new { tenant.Id });
        var journal = (await ConversationDriver.PageAsync(Engine, tenant, reference)).Journal.Entries.Single(e => e.Kind == "message-sent");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sent.Succeeded, Is.True, sent.Message);
            Assert.That(mail.Subject, Does.Contain(reference).And.StartWith("Un message"));
            Assert.That(mail.Body, Does.Contain(text).And.Contain("vous écrit au sujet de votre demande"));
            Assert.That(messages[0].Text, Is.EqualTo(text));
            Assert.That(messages[0].DeliveryLabel, Does.StartWith("Sent"));
            Assert.That(messages[0].Direction, Is.EqualTo(MessageDirections.ToSubject));
            Assert.That(model, Does.Not.Contain("numéro de client"), "the outbox row holds the message's id, not its text");
            Assert.That(journal.Actor, Is.EqualTo($"{tenant.Slug}/privacy-officer@example.org"));
            Assert.That(journal.Data.GetProperty("purpose").GetString(), Is.EqualTo("message"));
            Assert.That(journal.Data.ToString(), Does.Not.Contain("numéro").And.Not.Contain(email));
        }
    }

    [TestCase("", "cannot be empty")]
    [TestCase("   ", "cannot be empty")]
    [TestCase(null, "cannot be empty")]
    public async Task An_empty_note_or_message_is_refused_and_nothing_is_stored(string? text, string expected) =>
        await RefusedAsync(text, expected);

    [Test]
    public async Task A_note_or_message_over_the_limit_is_refused_with_its_length_and_nothing_is_stored() =>
        await RefusedAsync(new string('x', ConversationText.MaxLength + 1),
            $"{ConversationText.MaxLength + 1} characters long; at most 2000");

    private static async Task RefusedAsync(string? text, string expected)
    {
        var (tenant, reference, _, _) = await ConversationDriver.PastIdentityAsync(Engine);
        var officer = ConversationDriver.Actions(Engine, tenant, StaffRoles.PrivacyOfficer);
        var note = await officer.AddNoteAsync(reference, text, default);
        var message = await officer.SendMessageAsync(reference, text, default);
        var (notes, messages) = await officer.ReadAsync(reference, default);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(note.Succeeded, Is.False);
            Assert.That(note.Message, Does.Contain(expected).And.Contain("note"));
            Assert.That(message.Succeeded, Is.False);
            Assert.That(message.Message, Does.Contain(expected).And.Contain("message"));
            Assert.That(notes, Is.Empty);
            Assert.That(messages, Is.Empty);
        }
    }

    // Issue 14's portal will call RecordSubjectReplyAsync once it has authenticated the subject for the request.
    [Test]
    public async Task A_subject_s_reply_is_stored_for_the_team_and_journaled_under_the_subject()
    {
        var (tenant, reference, _, _) = await ConversationDriver.PastIdentityAsync(Engine);
        var request = await ConversationDriver.RequestAsync(Engine, tenant, reference);
        var service = Engine.Services.GetRequiredService<ConversationService>();
        var reply = await service.RecordSubjectReplyAsync(tenant.Id, request.Id, "My customer number is C-20931.", default);
        var stranger = await TestTenant.CreateAsync(Engine);
        var foreign = await service.RecordSubjectReplyAsync(stranger.Id, request.Id, "Not yours.", default);
        var (_, messages) = await ConversationDriver.Actions(Engine, tenant, StaffRoles.Auditor).ReadAsync(reference, default);
        var journal = (await ConversationDriver.PageAsync(Engine, tenant, reference)).Journal;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reply.Status, Is.EqualTo(ConversationStatus.Done));
            Assert.That(foreign.Status, Is.EqualTo(ConversationStatus.RequestNotFound));
            Assert.That(messages, Has.Count.EqualTo(1));
            Assert.That(messages[0].Direction, Is.EqualTo(MessageDirections.FromSubject));
            Assert.That(messages[0].Delivery, Is.EqualTo(DeliveryState.Received));
            Assert.That(messages[0].Text, Is.EqualTo("My customer number is C-20931."));
            var entry = journal.Entries.Single(e => e.Kind == "subject-replied");
            Assert.That(entry.Actor, Is.EqualTo("subject"));
            Assert.That(JsonSerializer.Serialize(entry.Data), Does.Not.Contain("C-20931"));
            Assert.That(journal.Verified, Is.True);
        }
    }
}
