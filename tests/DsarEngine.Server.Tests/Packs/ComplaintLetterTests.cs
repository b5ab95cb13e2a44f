using System.Text.Json;
using DsarEngine.Server.Packs;
using DsarEngine.Workflows.Packs;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Server.Tests.Packs;

// Legal review rows 21 and 30: a GDPR letter tells the subject they may complain to any supervisory authority, in
// particular where they live or work or where the infringement happened (Art. 77(1)), not only to the controller's own;
// the access letter gives every way to reach the DPO the register holds, its web form included (Art. 13(1)(b), 38(4));
// row 3: the rectification letter quotes the subject's supplementary statement (Art. 16).
public sealed class ComplaintLetterTests : LetterRenderingTest
{
    private static LetterModel Access(string language, Party? dpo) => new(
        RegimeLanguages.For("gdpr", language), "DSR-7K2M-9QXA-4TZB", "access", "Ada Lovelace", new DateOnly(2026, 11, 2),
        new DateOnly(2026, 11, 20),
        JsonSerializer.Deserialize<ProcessingRegister>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "organisations", "helpdesk-saas.json")), RegisterStore.Json)!
            with { Dpo = dpo },
    [
        new SystemSection("CRM", "done", [], [new CategorySection("contact-details", ["name"], [["Ada Lovelace"]], 1)]),
    ]) { Regime = "gdpr" };

    private static async Task<string> TextAsync(LetterModel model) =>
        // poppler breaks lines where the page does: compare words, not layout.
        string.Join(' ', (await Poppler.ReadAsync(await Composer.PdfAsync(model, CancellationToken.None))).Text
            .Split((char[])[' ', '\n', '\r', '\u00A0', '\u202F'], StringSplitOptions.RemoveEmptyEntries));

    [TestCase("en", "in particular in the Member State of your habitual residence, place of work or place of the alleged infringement")]
    [TestCase("fr", "en particulier dans l'État membre de votre résidence habituelle, de votre lieu de travail ou du lieu")]
    [TestCase("ru", "в частности в государстве — члене ЕС по месту Вашего обычного проживания, работы или предполагаемого нарушения")]
    public async Task A_gdpr_letter_names_the_choice_of_supervisory_authority_and_the_controller_s_own(string language, string choice)
    {
        var text = await TextAsync(Access(language, null));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain(choice));
            Assert.That(text, Does.Contain("CNIL"), "the register's own authority is still named");
        }
    }

    [Test]
    public async Task The_access_letter_gives_the_dpo_s_web_form_and_address_as_well_as_the_e_mail()
    {
        var dpo = new Party("Claire Martin, Data Protection Officer", "12 rue de la Paix, 75002 Paris", "dpo@helpdesk.example",
            "https://helpdesk.example/privacy/dpo-form");
        var text = await TextAsync(Access("en", dpo));
        Assert.That(text, Does.Contain(
            "Claire Martin, Data Protection Officer, dpo@helpdesk.example, https://helpdesk.example/privacy/dpo-form, " +
            "12 rue de la Paix, 75002 Paris"));
    }

    // Legal review row 3 (GDPR Art. 16): the rectification letter quotes the supplementary statement sent to the systems.
    [TestCase("en", "You also asked us to keep a supplementary statement with your data.")]
    [TestCase("fr", "Vous nous avez également demandé de conserver une déclaration complémentaire avec vos données.")]
    [TestCase("ru", "Вы также попросили нас хранить вместе с Вашими данными дополнительное заявление.")]
    public async Task A_rectification_letter_quotes_the_supplementary_statement(string language, string said)
    {
        var model = Access(language, null) with
        {
            Right = "rectification", Statement = "The debt was settled in 2024.",
            Systems = [new SystemSection("CRM", "done", [], []) { Summary = "Corrected: city." }],
        };
        var text = await TextAsync(model);
        var without = await TextAsync(model with { Statement = null });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain(said).And.Contain("The debt was settled in 2024."));
            Assert.That(without, Does.Not.Contain(said));
        }
    }
}
