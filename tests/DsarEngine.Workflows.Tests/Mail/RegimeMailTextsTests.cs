using System.Reflection;
using DsarEngine.Workflows.Mail;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Tests.Mail;

// Legal review E5: the extension and refusal e-mails cite the law the request falls under, in the language that law's
// wording exists in; Portuguese is a mail language for LGPD requests.
public sealed class RegimeMailTextsTests
{
    private static Dictionary<string, string> Values(string language) => new()
    {
        ["reference"] = "DSR-AAAA-BBBB-CCCC", ["greetingName"] = MailTemplates.GreetingName(language, "Ada Lovelace"),
        ["right"] = MailTemplates.RightName("access", language), ["receivedOn"] = "2 November 2026",
        ["reason"] = "Forty systems to search.", ["dueOn"] = "1 February 2027", ["statusUrl"] = "https://engine.example/s",
        ["organisation"] = "Example Ltd",
    };

    private static (string Subject, string Body) Render(string template, string regime, string language) =>
        MailTemplates.Render(template, language, Values(language), regime);

    [TestCase("lgpd", "fr", "pt")]
    [TestCase("lgpd", "en", "en")]
    [TestCase("LGPD", "ru", "pt")]
    [TestCase("152-fz", "fr", "ru")]
    [TestCase("152-fz", "en", "en")]
    [TestCase("152-fz", "ru", "ru")]
    [TestCase("gdpr", "fr", "fr")]
    [TestCase("gdpr", "pt", "en")]
    [TestCase("uk-gdpr", "fr", "fr")]
    [TestCase("ccpa", "fr", "en")]
    [TestCase("pipeda", "ru", "en")]
    [TestCase("ccpa", "en", "en")]
    [TestCase("nfadp", "fr", "fr")]
    [TestCase(null, "ru", "ru")]
    public void A_request_is_written_in_its_language_when_its_law_is_worded_in_it_else_in_the_laws_first_language(
        string? regime, string language, string written) =>
        Assert.That(RegimeLanguages.For(regime, language), Is.EqualTo(written));

    // A Brazilian subject writing in Portuguese (over the API, or on paper typed by staff) is accepted and answered in it.
    [TestCase("pt", "pt")]
    [TestCase("pt-BR", "pt")]
    [TestCase("PT-pt", "pt")]
    public void Portuguese_is_accepted_at_intake(string tag, string language)
    {
        Assert.That(Languages.TryNormalise(tag, out var normalised), Is.True);
        Assert.That(normalised, Is.EqualTo(language));
    }

    [Test]
    public void Every_regime_words_the_extension_and_the_refusal_in_each_of_its_languages_and_pt_has_every_subject_e_mail()
    {
        string[] staff = [MailTemplates.StaffInvitation, MailTemplates.StaffPasswordReset];
        var subjectTemplates = typeof(MailTemplates).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!).Except(staff).ToList();
        var regimes = RegimeLanguages.Regimes.Where(r => r != RegimeLanguages.Gdpr).ToList();
        var missing = regimes.SelectMany(r => RegimeLanguages.LanguagesOf(r).SelectMany(l =>
            new[] { MailTemplates.DeadlineExtended, MailTemplates.RequestRefused }
                .Where(t => !RegimeMailTexts.Texts.ContainsKey((t, r, l))).Select(t => $"{t} ({r}, {l})")));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(regimes, Is.SupersetOf(new[] { "uk-gdpr", "ccpa", "vcdpa", "cpa", "ctdpa", "pipeda", "lgpd", "152-fz" }));
            Assert.That(missing, Is.Empty);
            Assert.That(subjectTemplates.Where(t => !MailTemplates.Exists(t, "pt", "lgpd")), Is.Empty);
            Assert.That(Languages.Written, Does.Contain("pt"));
            Assert.That(Languages.Supported, Does.Not.Contain("pt"), "the subject's pages do not speak Portuguese");
        }
    }

    // Every placeholder a regime's text uses is one the renderer fills (the GDPR text's, and the status link); a
    // Portuguese text has the same placeholders as the English one.
    [Test]
    public void Regime_and_portuguese_texts_use_only_placeholders_the_renderer_fills()
    {
        var english = ProgressMailTexts.Texts.Concat(AnswerMailTexts.Texts).Concat(ConversationMailTexts.Texts)
            .Concat(WithdrawalMailTexts.Texts).Where(t => t.Key.Language == "en").ToDictionary(t => t.Key.Template, t => t.Value);
        var wrong = RegimeMailTexts.Texts
            .Where(t => !Placeholders(t.Value).IsSubsetOf(Placeholders(english[t.Key.Template]).Append("statusUrl"))
                || !Placeholders(t.Value).Contains(t.Key.Template == MailTemplates.RequestRefused ? "reason" : "dueOn")
                || t.Value.Subject.Contains('\n'))
            .Select(t => $"{t.Key}")
            .Concat(PortugueseMailTexts.Texts
                .Where(t => !Placeholders(t.Value).SetEquals(Placeholders(english[t.Key.Template])) || t.Value.Subject.Contains('\n'))
                .Select(t => $"{t.Key}"));
        Assert.That(wrong, Is.Empty);
    }

    private static HashSet<string> Placeholders((string Subject, string Body) text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text.Subject + text.Body, @"\{(\w+)\}").Select(m => m.Groups[1].Value)];

    [Test]
    public void A_uk_refusal_names_the_ico_and_the_uk_gdpr()
    {
        var (_, body) = Render(MailTemplates.RequestRefused, "uk-gdpr", "en");
        Assert.That(body, Does.Contain("Information Commissioner's Office (ICO)").And.Contain("UK GDPR").And.Not.Contain("EEA"));
    }

    [Test]
    public void A_ccpa_extension_gives_45_more_days_and_cites_no_gdpr_article()
    {
        var (_, body) = Render(MailTemplates.DeadlineExtended, "ccpa", "en");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(body, Does.Contain("45 more days").And.Contain("§1798.130(a)(2)(A)").And.Contain("1 February 2027"));
            Assert.That(body, Does.Not.Contain("Art. 12").And.Not.Contain("GDPR").And.Not.Contain("two further months"));
        }
        Assert.That(Render(MailTemplates.DeadlineExtended, "gdpr", "en").Body, Does.Contain("GDPR Art. 12(3)"), "GDPR as before");
    }

    [TestCase("vcdpa", "Va. Code §59.1-577(C)", "60 days", "the Virginia Attorney General")]
    [TestCase("cpa", "C.R.S. §6-1-1306(3)", "45 days", "the Colorado Attorney General")]
    [TestCase("ctdpa", "Conn. Gen. Stat. §42-518(d)", "60 days", "the Connecticut Attorney General")]
    public void A_us_state_refusal_says_how_to_appeal_by_when_and_that_the_attorney_general_hears_a_denied_appeal(
        string regime, string cite, string answer, string attorneyGeneral)
    {
        var (subject, body) = Render(MailTemplates.RequestRefused, regime, "en");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(subject, Does.Contain("how to appeal"));
            Assert.That(body, Does.Contain($"How to appeal ({cite})").And.Contain("https://engine.example/s")
                .And.Contain("within a reasonable period").And.Contain($"within {answer} of receiving it"));
            Assert.That(body, Does.Contain($"If we deny your appeal, you may contact {attorneyGeneral}"));
            Assert.That(body, Does.Not.Contain("GDPR").And.Not.Contain("supervisory authority"));
        }
    }

    [Test]
    public void A_pipeda_extension_tells_the_subject_they_may_complain_to_the_privacy_commissioner()
    {
        var (_, body) = Render(MailTemplates.DeadlineExtended, "pipeda", "en");
        Assert.That(body, Does.Contain("Privacy Commissioner of Canada").And.Contain("subsection 8(4)").And.Not.Contain("GDPR"));
    }

    [Test]
    public void An_lgpd_refusal_in_portuguese_names_the_anpd()
    {
        var (subject, body) = Render(MailTemplates.RequestRefused, "lgpd", "pt");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(subject, Is.EqualTo("A sua solicitação DSR-AAAA-BBBB-CCCC: a nossa resposta"));
            Assert.That(body, Does.StartWith("Olá, Ada Lovelace,").And.Contain("acesso aos dados")
                .And.Contain("Autoridade Nacional de Proteção de Dados (ANPD)").And.Contain("art. 18, § 4º"));
        }
    }

    [Test]
    public void A_152_fz_extension_in_russian_is_a_reasoned_notice_of_five_working_days_naming_roskomnadzor()
    {
        var (subject, body) = Render(MailTemplates.DeadlineExtended, "152-fz", "ru");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(subject, Does.StartWith("Мотивированное уведомление"));
            Assert.That(body, Does.Contain("не более чем на пять рабочих дней").And.Contain("Роскомнадзор")
                .And.Contain("Причины продления: Forty systems to search.").And.Not.Contain("GDPR"));
        }
    }
}
