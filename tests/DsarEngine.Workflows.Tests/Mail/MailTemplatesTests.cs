using System.Reflection;
using DsarEngine.Workflows.Mail;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Tests.Mail;

// The texts live in tables by what they are for (ProgressMailTexts, AnswerMailTexts, ConversationMailTexts,
// WithdrawalMailTexts); MailTemplates finds them.
public sealed class MailTemplatesTests
{
    private static IEnumerable<string> Templates() =>
        typeof(MailTemplates).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!);

    [Test]
    public void Every_e_mail_to_a_subject_has_its_text_in_every_engine_language_and_every_e_mail_to_staff_in_English()
    {
        // The organisation's own people read the inbox in English (its only language today); subjects get their own.
        string[] staff = [MailTemplates.StaffInvitation, MailTemplates.StaffPasswordReset];
        var templates = Templates().Except(staff).ToList();
        var missing = Languages.Supported.SelectMany(l => templates.Where(t => !MailTemplates.Exists(t, l)).Select(t => $"{t} ({l})"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(templates, Has.Count.EqualTo(16));
            Assert.That(Languages.Supported, Is.SupersetOf(new[] { "en", "fr", "ru" }));
            Assert.That(missing, Is.Empty);
            Assert.That(staff.Where(t => !MailTemplates.Exists(t, "en")), Is.Empty);
            Assert.That(StaffMailTexts.Texts.Keys.Select(k => k.Template).Distinct(), Is.EquivalentTo(staff));
            Assert.That(ProgressMailTexts.Texts.Keys.Concat(AnswerMailTexts.Texts.Keys).Concat(ConversationMailTexts.Texts.Keys)
                    .Concat(WithdrawalMailTexts.Texts.Keys).Concat(RestrictionMailTexts.Texts.Keys)
                    .Concat(TransmissionMailTexts.Texts.Keys).Concat(PostMortemMailTexts.Texts.Keys).Concat(ChildMailTexts.Texts.Keys)
                    .Select(k => k.Template).Distinct(),
                Is.EquivalentTo(templates));
            Assert.That(RussianMailTexts.Texts.Keys, Has.All.Matches<(string Template, string Language)>(k => k.Language == "ru"));
        }
    }

    // A translation that drops {statusUrl} or {code} leaves the subject without the way forward; one that adds a
    // placeholder the renderer never fills shows braces.
    [Test]
    public void Every_translation_uses_the_same_placeholders_as_the_english_text_and_a_one_line_subject()
    {
        var texts = ProgressMailTexts.Texts.Concat(AnswerMailTexts.Texts).Concat(ConversationMailTexts.Texts)
            .Concat(WithdrawalMailTexts.Texts).Concat(RussianMailTexts.Texts).Concat(TransmissionMailTexts.Texts)
            .ToDictionary(t => t.Key, t => t.Value);
        var differing = texts
            .Where(t => !Placeholders(t.Value).SetEquals(Placeholders(texts[(t.Key.Template, "en")])) || t.Value.Subject.Contains('\n'))
            .Select(t => $"{t.Key.Template} ({t.Key.Language})");
        Assert.That(differing, Is.Empty);
    }

    private static HashSet<string> Placeholders((string Subject, string Body) text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text.Subject + text.Body, @"\{(\w+)\}").Select(m => m.Groups[1].Value)];

    [Test]
    public void A_russian_e_mail_greets_the_subject_by_name_with_the_comma_russian_requires()
    {
        var values = new Dictionary<string, string>
        {
            ["reference"] = "DSR-AAAA-BBBB-CCCC", ["greetingName"] = MailTemplates.GreetingName("ru", "Анна Каренина"),
            ["right"] = MailTemplates.RightName("access", "ru"), ["packUrl"] = "https://engine.example/p", ["packNote"] = "",
            ["organisation"] = "ООО «Пример»",
        };
        var (subject, body) = MailTemplates.Render(MailTemplates.ResponseReady, "ru", values);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(subject, Is.EqualTo("Ваш запрос DSR-AAAA-BBBB-CCCC исполнен"));
            Assert.That(body, Does.StartWith("Здравствуйте, Анна Каренина!\n"));
            Assert.That(body, Does.Contain("Мы исполнили Ваш запрос DSR-AAAA-BBBB-CCCC (доступ к данным)."));
            Assert.That(body, Does.EndWith("С уважением,\nООО «Пример»"));
            Assert.That(MailTemplates.GreetingName("en", "Ada"), Is.EqualTo(" Ada"));
        }
    }

    [TestCase("en", "paused until we receive your answer")]
    [TestCase("fr", "suspendu jusqu'à ce que nous recevions votre réponse")]
    [TestCase("ru", "приостановлен до получения Вашего ответа")]
    public void The_subject_is_told_in_their_language_that_the_clock_waits_for_their_answer(string language, string sentence)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ConversationMailTexts.ClockNote(language, stopped: true), Does.Contain(sentence));
            Assert.That(ConversationMailTexts.ClockNote(language, stopped: false), Is.Empty);
        }
    }

    // A withdrawal stops the request; it does not bring back what a system already erased, and the subject must not think so.
    [TestCase("en", "Your request DSR-AAAA-BBBB-CCCC is withdrawn", "cannot be undone")]
    [TestCase("fr", "Votre demande DSR-AAAA-BBBB-CCCC est retirée", "ne peut pas être annulé")]
    public void The_withdrawal_confirmation_says_that_what_was_already_done_is_not_undone(string language, string title, string undone)
    {
        var values = new Dictionary<string, string>
        {
            ["reference"] = "DSR-AAAA-BBBB-CCCC", ["greetingName"] = "", ["organisation"] = "Org", ["right"] = "erasure",
            ["receivedOn"] = "1 March 2025",
        };
        var (subject, body) = MailTemplates.Render(MailTemplates.RequestWithdrawn, language, values);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(subject, Is.EqualTo(title));
            Assert.That(body, Does.Contain(undone).And.Contain("DSR-AAAA-BBBB-CCCC").And.Not.Contain("{"));
        }
    }

    [Test]
    public void A_language_without_its_own_text_gets_the_English_one_filled_in()
    {
        var values = new Dictionary<string, string> { ["reference"] = "DSR-AAAA-BBBB-CCCC" };
        var (subject, _) = MailTemplates.Render(MailTemplates.ResponseReady, "de", values);
        Assert.That(subject, Is.EqualTo("Your request DSR-AAAA-BBBB-CCCC is complete"));
    }

    [Test]
    public void A_value_that_looks_like_a_placeholder_stays_text_and_pulls_no_other_value_in()
    {
        var values = new Dictionary<string, string>
        {
            ["reference"] = "DSR-AAAA-BBBB-CCCC", ["greetingName"] = " {statusUrl}", ["message"] = "See {statusUrl} and {code}.",
            ["statusUrl"] = "https://engine.example/s/secret-token", ["organisation"] = "Org", ["right"] = "access",
            ["clockNote"] = "",
        };

        var (_, body) = MailTemplates.Render(MailTemplates.SubjectMessage, "en", values);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body, Does.Contain("Hello {statusUrl},"));
            Assert.That(body, Does.Contain("See {statusUrl} and {code}."));
            Assert.That(body.Split("secret-token").Length - 1, Is.LessThanOrEqualTo(1), "only the template's own link, if it has one");
        }
    }
}
