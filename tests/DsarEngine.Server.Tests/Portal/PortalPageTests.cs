using System.Net;
using System.Net.Http.Json;
using DsarEngine.Server.Conversations;
using DsarEngine.Server.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Portal;

// The request's page: the status as a timeline from the journal, the due date, every view journaled, each language.
public sealed class PortalPageTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task The_timeline_shows_the_extension_with_its_reasons_and_the_clock_stopped_and_resumed()
    {
        var subject = await PortalSubject.PastIdentityAsync(Engine);
        const string reasons = "Your request covers twelve years of orders kept in three systems.";
        var extended = await subject.Staff.PostAsJsonAsync($"/api/v1/staff/requests/{subject.Reference}/extension", new { reason = reasons });
        Assert.That(extended.StatusCode, Is.EqualTo(HttpStatusCode.OK), await extended.Content.ReadAsStringAsync());
        var asked = await Engine.Services.GetRequiredService<ConversationService>().AskForInformationAsync(
            subject.Tenant.Id, subject.Reference, "Which of your two accounts do you mean?", "officer@example.org", default);
        Assert.That(asked.ClockStopped, Is.True, asked.Detail);
        var browser = await subject.EnterAsync(Engine);
        var stopped = await browser.GetAsync(subject.Page);
        var resumed = await subject.Staff.PostAsJsonAsync($"/api/v1/staff/requests/{subject.Reference}/clock/resume", new { note = "Answered." });
        Assert.That(resumed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await resumed.Content.ReadAsStringAsync());
        var page = await browser.GetAsync(subject.Page);
        var due = await Rows.ScalarAsync<DateTime>(Engine, "SELECT effective_due::timestamp FROM requests WHERE reference = @Reference",
            new { subject.Reference });
        var dueText = DateOnly.FromDateTime(due).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
        var timeline = page.Timeline;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stopped.Text, Does.Contain("The time limit is paused while the organisation waits for information from you"));
            Assert.That(timeline, Has.Some.EndsWith("We received your request."));
            Assert.That(timeline, Has.Some.EndsWith("We asked you by e-mail to confirm it is you."));
            Assert.That(timeline, Has.Some.EndsWith("You confirmed it is you."));
            Assert.That(timeline, Has.Some.EndsWith("We are working on your request."));
            Assert.That(timeline, Has.Some.Contains("We extended the time limit.").And.Contains($"Why: {reasons}"));
            Assert.That(timeline, Has.Some.EndsWith("We asked you for more information. The time limit is paused until you reply."));
            Assert.That(timeline, Has.Some.EndsWith($"The time limit runs again. The organisation must now answer by {dueText}."));
            Assert.That(timeline.Count(t => t.EndsWith("We are working on your request.", StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(page.Text, Does.Contain($"The organisation must answer by {dueText}."));
            Assert.That(page.Text, Does.Not.Contain("The time limit is paused while"));
            Assert.That(page.Document.QuerySelectorAll("ol.timeline time").Select(t => t.GetAttribute("datetime")),
                Has.All.Match(@"^\d{4}-\d{2}-\d{2}$"), "machine-readable dates beside the written ones");
        }
    }

    [Test]
    public async Task Every_view_is_journaled_under_the_subject_with_its_page_and_nothing_else()
    {
        var subject = await PortalSubject.SubmitAsync(Engine);
        var browser = await subject.EnterAsync(Engine);
        await browser.GetAsync(subject.Page);
        await browser.GetAsync($"{subject.Page}/identity");
        await browser.GetAsync($"{subject.Page}/answer");
        await PortalBrowser.Open(Engine).GetAsync(subject.Page); // no session: nothing to journal for this request

        var views = (await subject.EntriesAsync()).Where(e => e.Kind == "portal-viewed").ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(views.Select(v => v.Data), Is.EqualTo(new[] { """{"page":"request"}""", """{"page":"identity"}""", """{"page":"answer"}""" }));
            Assert.That(views.Select(v => v.Actor), Has.All.EqualTo("subject"));
            Assert.That((bool)(await subject.JournalAsync())["verified"]!, Is.True);
        }
    }

    [TestCase("en", "Your request", "Progress", "Messages", "Your answer", "Your reply", "Send reply")]
    [TestCase("fr", "Votre demande", "Avancement", "Messages", "Votre réponse", "Votre réponse au message", "Envoyer la réponse")]
    [TestCase("ru", "Ваш запрос", "Ход рассмотрения", "Сообщения", "Ваш ответ", "Ваш ответ", "Отправить ответ")]
    public async Task Each_language_renders_the_page_and_the_choice_is_kept_for_the_session(
        string language, string title, string progress, string messages, string answer, string reply, string send)
    {
        var subject = await PortalSubject.SubmitAsync(Engine, "fr");
        var browser = await subject.EnterAsync(Engine);
        var first = await browser.GetAsync(subject.Page);
        var page = await browser.GetAsync($"{subject.Page}?lang={language}");
        var stays = await browser.GetAsync(subject.Page);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Document.DocumentElement.GetAttribute("lang"), Is.EqualTo("fr"), "the request's language first");
            Assert.That(page.Document.DocumentElement.GetAttribute("lang"), Is.EqualTo(language));
            Assert.That(page.H1, Is.EqualTo($"{title} {subject.Reference}"));
            Assert.That(page.Headings().Take(3), Is.EqualTo(new[] { progress, messages, answer }));
            Assert.That(page.Label("reply-text"), Is.EqualTo(reply));
            Assert.That(page.Buttons, Does.Contain(send));
            Assert.That(page.Timeline, Is.Not.Empty);
            Assert.That(stays.Document.DocumentElement.GetAttribute("lang"), Is.EqualTo(language), "the choice is kept for the session");
        }
    }
}
