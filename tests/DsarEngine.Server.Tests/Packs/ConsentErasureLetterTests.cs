using System.Text.Json;
using DsarEngine.Workflows.Packs;

namespace DsarEngine.Server.Tests.Packs;

// GDPR Art. 17(1)(b): the withdrawal letter says, in each language, that each system was asked to erase the data held on
// the withdrawn consent alone (and only "asked": the table says what each system did). Read back from the PDF.
public sealed class ConsentErasureLetterTests : LetterRenderingTest
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly ProcessingRegister Register = JsonSerializer.Deserialize<ProcessingRegister>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "organisations", "helpdesk-saas.json")), Json)!;

    [TestCase("en", "gdpr", "only on the basis of the consent you withdrew (Article 17(1)(b))")]
    [TestCase("fr", "gdpr", "sur le seul fondement du consentement que vous avez retiré (article 17, paragraphe 1, point b))")]
    [TestCase("ru", "gdpr", "только на основании отозванного Вами согласия (статья 17(1)(b))")]
    [TestCase("pt", "lgpd", "com base no consentimento que você revogou (LGPD, art. 18, VI)")]
    [TestCase("en", "ccpa", "only on the basis of the consent you withdrew; data we hold")]
    public async Task The_withdrawal_letter_says_each_system_was_asked_to_erase_consent_only_data(
        string language, string regime, string expected)
    {
        var model = new LetterModel(language, "DSR-7K2M-9QXA-4TZB", "consent-withdrawal", "Ada Lovelace", new DateOnly(2026, 11, 2),
            new DateOnly(2026, 11, 20), Register, [new SystemSection("Newsletter", "done", [], []) { Summary = "Unsubscribed." }])
        {
            Regime = regime, Purpose = "direct-marketing",
        };
        var text = (await Poppler.ReadAsync(await Composer.PdfAsync(model, CancellationToken.None))).Text;
        Assert.That(text, Does.Contain(expected));
    }
}
