using System.Reflection;
using DsarEngine.Workflows.Mail;

namespace DsarEngine.Workflows.Tests.Mail;

// The texts live in tables by what they are for (ProgressMailTexts, AnswerMailTexts, ConversationMailTexts,
// WithdrawalMailTexts); MailTemplates finds them.
public sealed class MailTemplatesTests
{
    private static IEnumerable<string> Templates() =>
        typeof(MailTemplates).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!);

    [Test]
    public void Every_e_mail_to_a_subject_has_its_text_in_English_and_French_and_every_e_mail_to_staff_in_English()
    {
        // The organisation's own people read the inbox in English (its only language today); subjects get their own.
        string[] staff = [MailTemplates.StaffInvitation, MailTemplates.StaffPasswordReset];
        var templates = Templates().Except(staff).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(templates, Has.Count.EqualTo(11));
            Assert.That(templates.Where(t => !MailTemplates.Exists(t, "en") || !MailTemplates.Exists(t, "fr")), Is.Empty);
            Assert.That(staff.Where(t => !MailTemplates.Exists(t, "en")), Is.Empty);
            Assert.That(StaffMailTexts.Texts.Keys.Select(k => k.Template).Distinct(), Is.EquivalentTo(staff));
            Assert.That(ProgressMailTexts.Texts.Keys.Concat(AnswerMailTexts.Texts.Keys).Concat(ConversationMailTexts.Texts.Keys)
                    .Concat(WithdrawalMailTexts.Texts.Keys).Select(k => k.Template).Distinct(),
                Is.EquivalentTo(templates));
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
