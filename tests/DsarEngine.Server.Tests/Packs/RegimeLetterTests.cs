using System.Text.Json;
using DsarEngine.Server.Packs;
using DsarEngine.Server.Packs.Letters;
using DsarEngine.Workflows.Packs;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Server.Tests.Packs;

// Legal review E5: a letter cites the law its request falls under, names that law's authority and remedies, and is
// written in a language that law's wording exists in. Rendered by the real renderer and read back with poppler, as
// LetterPdfTests does.
public sealed class RegimeLetterTests : LetterRenderingTest
{
    private static LetterModel Model(string regime, string language, string right = "access") => new(
        RegimeLanguages.For(regime, language), "DSR-7K2M-9QXA-4TZB", right, "Ada Lovelace", new DateOnly(2026, 11, 2),
        new DateOnly(2026, 11, 20),
        JsonSerializer.Deserialize<ProcessingRegister>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "organisations", "helpdesk-saas.json")), RegisterStore.Json)!,
    [
        new SystemSection("CRM", "done", [], [new CategorySection("contact-details", ["name"], [["Ada Lovelace"]], 1)]),
    ]) { Regime = regime };

    private static LetterModel Refusal(string regime, string language) =>
        Model(regime, language, "erasure") with { Systems = [], Refusal = "The request is manifestly unfounded." };

    private static LetterModel Extension(string regime, string language) => Model(regime, language, "erasure") with
    {
        Systems = [],
        Notice = new NoticeFacts("extension-notice", "Forty systems to search.", new DateOnly(2026, 12, 17),
            new DateOnly(2027, 1, 31), [], null, false),
    };

    private static async Task<string> TextAsync(LetterModel model) =>
        (await Poppler.ReadAsync(await Composer.PdfAsync(model, CancellationToken.None))).Text;

    [Test]
    public void Every_regime_words_every_key_that_states_law_in_each_of_its_languages()
    {
        var missing = RegimeLanguages.Regimes.SelectMany(r => RegimeLanguages.LanguagesOf(r)
            .SelectMany(l => LetterTexts.MissingIn(r, l).Select(k => $"{k} ({r}, {l})")));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(missing, Is.Empty);
            Assert.That(LetterTexts.MissingIn("pt"), Is.SubsetOf(LetterTexts.LawKeys), "Portuguese has every other text");
            Assert.That(LetterTexts.MissingIn("lgpd", "de"), Is.EquivalentTo(LetterTexts.LawKeys));
        }
    }

    [Test]
    public async Task A_uk_refusal_cites_the_uk_gdpr_and_the_ico_and_nothing_of_the_eea_or_the_eu_authority()
    {
        var text = await TextAsync(Refusal("uk-gdpr", "en"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("(Article 12(4) UK GDPR)").And.Contain("The request is manifestly unfounded."));
            Assert.That(text, Does.Contain("Information Commissioner's Office (ICO)").And.Contain("Article 79 UK GDPR")
                .And.Contain("Data Protection Act 2018").And.Contain("(Articles 16 to 21 UK GDPR)"));
            Assert.That(text, Does.Not.Contain("EEA").And.Not.Contain("European").And.Not.Contain("CNIL")
                .And.Not.Contain("General Data Protection Regulation (GDPR)"));
        }
    }

    [Test]
    public async Task A_uk_access_letter_keeps_the_subjects_french_and_speaks_of_transfers_outside_the_uk()
    {
        var text = await TextAsync(Model("uk-gdpr", "fr"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("au titre de l'article 15 du règlement général sur la protection des données du " +
                "Royaume-Uni (UK GDPR)"));
            Assert.That(text, Does.Contain("Transferts hors du Royaume-Uni").And.Contain("Information Commissioner's Office (ICO)"));
            Assert.That(text, Does.Not.Contain("Espace économique européen").And.Not.Contain("CNIL"));
        }
    }

    [Test]
    public async Task A_us_letter_to_a_french_speaking_subject_is_in_english_its_law_being_worded_only_in_english()
    {
        var model = Model("ccpa", "fr");
        var text = await TextAsync(model);
        Assert.That(text, Does.Contain("Your request for access to your personal data").And.Not.Contain("Votre demande"));
    }

    [Test]
    public async Task A_ccpa_extension_notice_gives_45_more_days_under_the_civil_code_and_no_gdpr_article()
    {
        var text = await TextAsync(Extension("ccpa", "en"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("within 45 days, by 17 December 2026").And.Contain("up to 45 more days")
                .And.Contain("Cal. Civ. Code §1798.130(a)(2)(A)").And.Contain("by 31 January 2027 at the latest"));
            Assert.That(text, Does.Contain("California Privacy Protection Agency"));
            Assert.That(text, Does.Not.Contain("Article 12").And.Not.Contain("GDPR").And.Not.Contain("two further months")
                .And.Not.Contain("supervisory authority"));
        }
    }

    [Test]
    public async Task A_ccpa_refusal_says_the_law_gives_no_appeal_and_where_to_complain()
    {
        var text = await TextAsync(Refusal("ccpa", "en"));
        Assert.That(text, Does.Contain("The CCPA gives no right to appeal this decision").And.Contain("privacy@helpdesk.example")
            .And.Contain("oag.ca.gov/privacy").And.Not.Contain("Article 77").And.Not.Contain("Article 79"));
    }

    [Test]
    public async Task A_virginia_refusal_says_how_to_appeal_by_when_and_that_the_attorney_general_hears_a_denied_appeal()
    {
        var text = await TextAsync(Refusal("vcdpa", "en"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("How to appeal: you may appeal this decision to us (Va. Code §59.1-577(C))"));
            Assert.That(text, Does.Contain("Write to privacy@helpdesk.example, quoting DSR-7K2M-9QXA-4TZB and saying that you appeal")
                .And.Contain("within a reasonable period after you receive this letter").And.Contain("within 60 days"));
            Assert.That(text, Does.Contain("If we deny your appeal, you may contact the Virginia Attorney General"));
            Assert.That(text, Does.Contain("(Va. Code §59.1-577(A))").And.Not.Contain("GDPR").And.Not.Contain("Article"));
        }
    }

    [Test]
    public async Task A_pipeda_extension_notice_gives_30_more_days_and_the_right_to_complain_to_the_privacy_commissioner()
    {
        var text = await TextAsync(Extension("pipeda", "en"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("up to 30 more days").And.Contain("(subsection 8(4))"));
            Assert.That(text, Does.Contain("You may complain to the Privacy Commissioner of Canada about this extension"));
            Assert.That(text, Does.Not.Contain("GDPR").And.Not.Contain("two further months").And.Not.Contain("CNIL"));
        }
    }

    [Test]
    public async Task An_lgpd_letter_to_a_french_speaking_subject_is_in_portuguese_and_names_the_anpd()
    {
        var model = Model("lgpd", "fr");
        var pdf = await Composer.PdfAsync(model, CancellationToken.None);
        var (text, _, _) = await Poppler.ReadAsync(pdf);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(model.Language, Is.EqualTo("pt"));
            Assert.That(text, Does.Contain("A sua solicitação de acesso aos seus dados pessoais").And.Contain("Prezado(a) Ada Lovelace,"));
            Assert.That(text, Does.Contain("Recebemos a sua solicitação DSR-7K2M-9QXA-4TZB em 2 de novembro de 2026."));
            Assert.That(text,
                Does.Contain("Lei Geral de Proteção de Dados Pessoais (LGPD, Lei nº 13.709/2018), art. 18, I e II, e art. 19"));
            Assert.That(text, Does.Contain("Autoridade Nacional de Proteção de Dados (ANPD)").And.Contain("Atenciosamente,")
                .And.Contain("Página 1 de"));
            // The register's own prose (its legal bases cite the GDPR) is the organisation's; the letter's words are not.
            Assert.That(text, Does.Not.Contain("General Data Protection Regulation").And.Not.Contain("RGPD")
                .And.Not.Contain("supervisory authority").And.Not.Contain("Votre").And.Not.Contain("Page 1"));
            Assert.That(System.Text.Encoding.Latin1.GetString(pdf), Does.Contain("/Lang (pt)"));
        }
    }

    [Test]
    public async Task An_lgpd_letter_to_an_english_speaking_subject_stays_in_english()
    {
        var text = await TextAsync(Refusal("lgpd", "en"));
        Assert.That(text, Does.Contain("reasons of fact or law (LGPD, Article 18, §4(II))")
            .And.Contain("National Data Protection Authority (ANPD)").And.Not.Contain("GDPR"));
    }

    [Test]
    public async Task A_152_fz_letter_to_a_french_speaking_subject_is_in_russian_and_names_roskomnadzor()
    {
        var text = await TextAsync(Model("152-fz", "fr", "erasure"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("Ваш запрос об удалении Ваших персональных данных"));
            Assert.That(text, Does.Contain("в соответствии со статьёй 14 и статьёй 21 Федерального закона от 27 июля 2006 г. " +
                "№ 152-ФЗ «О персональных данных»"));
            Assert.That(text, Does.Contain("Роскомнадзор").And.Contain("(статья 17 Федерального закона № 152-ФЗ)"));
            Assert.That(text, Does.Not.Contain("GDPR").And.Not.Contain("статья 19").And.Not.Contain("Европейской"));
        }
    }

    [Test]
    public async Task A_152_fz_extension_is_the_reasoned_notice_of_at_most_five_working_days()
    {
        var text = await TextAsync(Extension("152-fz", "ru"));
        Assert.That(text, Does.Contain("не позднее 17 декабря 2026 г. Часть 1 статьи 20")
            .And.Contain("не более чем на пять рабочих дней").And.Contain("мотивированное уведомление").And.Not.Contain("г.."));
    }

    [Test]
    public async Task A_gdpr_letter_is_worded_as_before()
    {
        var text = await TextAsync(Refusal("gdpr", "en"));
        Assert.That(text, Does.Contain("(Article 12(4) GDPR)").And.Contain("(Article 77)").And.Contain("CNIL"));
    }
}
