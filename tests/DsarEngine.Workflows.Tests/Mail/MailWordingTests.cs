using DsarEngine.Workflows.Mail;

namespace DsarEngine.Workflows.Tests.Mail;

// Issue 15 (legal review E8, §3b): the e-mails name the organisation's own authority, say truthfully what a processor
// keeps of a referred request, name every right alike in French, and keep French spacing before ; : ? !.
public sealed class MailWordingTests
{
    private static Dictionary<string, string> Values(string language, string authority) => new()
    {
        ["reference"] = "DSR-AAAA-BBBB-CCCC", ["greetingName"] = " Ada", ["right"] = MailTemplates.RightName("erasure", language),
        ["receivedOn"] = "lundi 2 novembre 2026", ["reason"] = "Demande manifestement infondée.", ["organisation"] = "Acme",
        ["dueOn"] = "2 février 2027", ["statusUrl"] = "https://engine.example/s?t=1:2",
        ["authorityNote"] = MailTemplates.AuthorityNote(language, authority),
    };

    [TestCase(MailTemplates.RequestRefused)]
    [TestCase(MailTemplates.DeadlineExtended)]
    public void A_french_e_mail_names_the_registers_authority_not_the_cnil(string template)
    {
        var (_, body) = MailTemplates.Render(template, "fr", Values("fr", "Autorité de protection des données (APD)"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(body, Does.Contain("L'autorité de contrôle dont nous relevons\u202F: Autorité de protection des données (APD)."));
            Assert.That(body, Does.Not.Contain("CNIL"));
        }
    }

    [Test]
    public void French_e_mails_put_a_narrow_no_break_space_before_colons_and_leave_the_values_alone()
    {
        var (subject, body) = MailTemplates.Render(MailTemplates.RequestRefused, "fr", Values("fr", "APD"));
        var (_, extended) = MailTemplates.Render(MailTemplates.DeadlineExtended, "fr", Values("fr", "APD"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(subject, Is.EqualTo("Votre demande DSR-AAAA-BBBB-CCCC\u202F: notre réponse"));
            Assert.That(body, Does.Contain("Motif\u202F: Demande manifestement infondée."));
            Assert.That(extended, Does.Contain("ici\u202F: https://engine.example/s?t=1:2"), "a link keeps its own colons");
            Assert.That(body + extended, Does.Not.Match(@" [:;?!]"));
        }
    }

    [Test]
    public void French_names_every_right_the_same_way()
    {
        string[] rights = ["access", "rectification", "erasure", "restriction", "portability", "objection", "consent-withdrawal",
            "post-mortem-instructions"];
        Assert.That(rights.Select(r => MailTemplates.RightName(r, "fr")), Has.All.StartWith("droit "));
    }

    [TestCase("en", "has not kept your request", "kept no copy")]
    [TestCase("fr", "n'a pas conservé votre demande", "aucune copie")]
    [TestCase("ru", "не сохранён", "Копия Вашего запроса")]
    public void A_referral_says_truthfully_what_the_processor_keeps(string language, string kept, string untrue)
    {
        var values = new Dictionary<string, string>
        {
            ["organisation"] = "Helpdesk Cloud", ["workspace"] = "Globex", ["controller"] = "Globex Corp.",
            ["contact"] = "privacy@globex.example",
        };
        var (_, body) = MailTemplates.Render(MailTemplates.RequestReferred, language, values);
        var notice = RoutingNotices.Referred(language, "Helpdesk Cloud", "Globex", "Globex Corp.", "privacy@globex.example");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(body, Does.Contain(kept).And.Not.Contain(untrue));
            Assert.That(notice, Does.Contain(kept).And.Not.Contain(untrue));
        }
    }
}
