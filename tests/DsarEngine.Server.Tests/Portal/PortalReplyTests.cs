using System.Net;
using System.Text;
using DsarEngine.Server.Conversations;
using DsarEngine.Server.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Portal;

// Messages from the privacy team and the subject's replies on the portal: sent messages only, replies sealed and journaled
// under the subject, forms protected by antiforgery and closed to staff keys, bad input re-rendered with an error summary.
public sealed class PortalReplyTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task A_sent_staff_message_shows_and_a_reply_is_stored_sealed_and_journaled_under_the_subject()
    {
        var subject = await PortalSubject.PastIdentityAsync(Engine);
        const string question = "Could you tell us which shop you bought from?";
        var sent = await Engine.Services.GetRequiredService<ConversationService>()
            .SendMessageAsync(subject.Tenant.Id, subject.Reference, question, "officer@example.org", default);
        Assert.That(sent.Status, Is.EqualTo(ConversationStatus.Done), sent.Detail);
        await MailCatcher.WaitForAsync(subject.Email, "subject-message");
        var browser = await subject.EnterAsync(Engine);
        var page = await browser.PollAsync(subject.Page, p => p.Text.Contains(question, StringComparison.Ordinal), "the sent message");

        const string reply = "The one in Lyon, order O-77812.";
        var posted = await browser.PostAsync(page, "/reply", new Dictionary<string, string> { ["reply"] = reply });
        var after = await browser.GetAsync(posted.Headers.Location!.OriginalString);
        var stored = await Rows.SingleAsync<byte[]>(Engine,
            "SELECT sealed FROM request_messages WHERE tenant_id = @Id AND direction = 'from-subject'", new { subject.Tenant.Id });
        var entry = (await subject.EntriesAsync()).Single(e => e.Kind == "subject-replied");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Document.QuerySelectorAll("#messages h3").Select(h => PortalPage.Squash(h.TextContent)),
                Has.Some.StartWith("The privacy team wrote"));
            Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
            Assert.That(posted.Headers.Location!.OriginalString, Does.Not.Contain("Lyon"));
            Assert.That(after.Text, Does.Contain("Your reply was sent to the privacy team.").And.Contain(reply));
            Assert.That(after.Document.QuerySelector("[role=status]"), Is.Not.Null);
            Assert.That(Encoding.UTF8.GetString(stored), Does.Not.Contain("Lyon"), "sealed at rest");
            Assert.That(entry.Actor, Is.EqualTo("subject"));
            Assert.That(entry.Data, Does.Contain(TextSeal.Digest(reply)).And.Not.Contain("Lyon"));
        }
    }

    [Test]
    public async Task An_empty_reply_is_shown_again_with_an_error_summary_linked_to_the_field_and_nothing_is_stored()
    {
        var subject = await PortalSubject.SubmitAsync(Engine);
        var browser = await subject.EnterAsync(Engine);
        var page = await browser.GetAsync(subject.Page);

        var refused = await PortalPage.ReadAsync(await browser.PostAsync(page, "/reply", new Dictionary<string, string> { ["reply"] = "  " }));
        var summary = refused.Document.QuerySelector(".error-summary");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(summary?.GetAttribute("role"), Is.EqualTo("alert"));
            Assert.That(summary?.QuerySelector("a")?.GetAttribute("href"), Is.EqualTo("#reply-text"));
            Assert.That(summary?.TextContent, Does.Contain("Write your reply."));
            Assert.That(refused.Document.QuerySelector("#reply-text")?.GetAttribute("aria-invalid"), Is.EqualTo("true"));
            Assert.That(refused.Document.QuerySelector("#reply-text")?.GetAttribute("aria-describedby"), Does.Contain("reply-text-error"));
            Assert.That(await Rows.CountAsync(Engine, "request_messages", subject.Tenant.Id), Is.Zero);
        }
    }

    [Test]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var subject = await PortalSubject.SubmitAsync(Engine);
        var browser = await subject.EnterAsync(Engine);
        await browser.GetAsync(subject.Page);

        // What another site's form could send: the session cookie rides along, the token does not.
        var forged = await PortalPage.ReadAsync(await browser.Client.PostAsync($"{subject.Page}/reply",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["reply"] = "Forged." })));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(forged.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(forged.H1, Is.EqualTo("Please send the form again"));
            Assert.That(await Rows.CountAsync(Engine, "request_messages", subject.Tenant.Id), Is.Zero);
        }
    }

    [Test]
    public async Task A_staff_api_key_is_refused_on_the_subjects_forms()
    {
        var subject = await PortalSubject.SubmitAsync(Engine);
        var browser = await subject.EnterAsync(Engine);
        var page = await browser.GetAsync(subject.Page);
        browser.Client.DefaultRequestHeaders.Authorization = subject.Staff.DefaultRequestHeaders.Authorization;

        var byStaff = await browser.PostAsync(page, "/reply", new Dictionary<string, string> { ["reply"] = "From staff." });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(byStaff.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await Rows.CountAsync(Engine, "request_messages", subject.Tenant.Id), Is.Zero);
        }
    }
}
