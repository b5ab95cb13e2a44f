using System.Text.Json;
using DsarEngine.Workflows.Packs;

namespace DsarEngine.Server.Tests.Packs;

// GDPR Art. 20(1), 20(4): the portability letter says in each of its languages what the archive holds, what it left out
// and why, and what a system did not state; read back from the rendered PDF.
public sealed class PortabilityLetterTests : LetterRenderingTest
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly ProcessingRegister Register = JsonSerializer.Deserialize<ProcessingRegister>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "organisations", "helpdesk-saas.json")), Json)!;

    private static LetterModel Model(string language, string regime, bool providedOnly) => new(
        language, "DSR-7K2M-9QXA-4TZB", "portability", "Ada Lovelace", new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 20),
        Register, [new SystemSection("Shop", "done", [], [])])
    {
        Regime = regime,
        Portability = new PortabilityFacts(providedOnly,
            [new LeftOutEntry("Shop", "scores", 1, "not-provided"), new LeftOutEntry("Shop", "messages", 3, "others")],
            providedOnly ? [new UnstatedEntry("Shop", "notes")] : []),
    };

    [TestCase("en", "gdpr", "the personal data you provided to us", "What the archive leaves out, and why",
        "you did not provide them", "Article 20(4)", "Shop: notes")]
    [TestCase("fr", "gdpr", "les données personnelles que vous nous avez fournies", "Ce que l'archive ne contient pas, et pourquoi",
        "vous ne les avez pas fournies", "article 20, paragraphe 4", "Shop: notes")]
    [TestCase("ru", "gdpr", "персональные данные, которые Вы нам предоставили", "Что не вошло в архив и почему",
        "Вы их не предоставляли", "статья 20(4)", "Shop: notes")]
    public async Task The_letter_says_what_the_archive_holds_and_what_it_left_out_and_why(
        string language, string regime, string holds, string heading, string notProvided, string others, string unstated)
    {
        var text = (await Poppler.ReadAsync(await Composer.PdfAsync(Model(language, regime, true), CancellationToken.None))).Text;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain(holds));
            Assert.That(text, Does.Contain(heading).And.Contain("scores").And.Contain("messages"));
            Assert.That(text, Does.Contain(notProvided).And.Contain(others));
            Assert.That(text, Does.Contain(unstated), "what a system did not qualify is named, not hidden");
        }
    }

    // LGPD art. 18, V does not limit portability to provided data: only the others' rights reason, and no GDPR article.
    [Test]
    public async Task A_portuguese_lgpd_letter_leaves_out_only_what_concerns_others_and_cites_no_gdpr_article()
    {
        var model = Model("pt", "lgpd", false) with { Portability = new PortabilityFacts(false,
            [new LeftOutEntry("Shop", "messages", 3, "others")], []) };
        var text = (await Poppler.ReadAsync(await Composer.PdfAsync(model, CancellationToken.None))).Text;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("O que o arquivo não contém, e por quê").And.Contain("messages"));
            Assert.That(text, Does.Contain("dizem respeito também a outras pessoas"));
            Assert.That(text, Does.Not.Contain("20(4)").And.Not.Contain("que você nos forneceu"));
        }
    }
}
