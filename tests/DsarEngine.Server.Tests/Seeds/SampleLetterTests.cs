using System.Text.Json;
using DsarEngine.Server.Packs;
using DsarEngine.Server.Tests.Packs;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Packs;

namespace DsarEngine.Server.Tests.Seeds;

// What the sample organisations' registers make their access letters say, as the seeds promise it (docs/samples.md):
// rendered by the real renderer and read back from the PDF.
public sealed class SampleLetterTests : LetterRenderingTest
{
    private static LetterModel Access(string register, string language) => new(
        language, "DSR-7K2M-9QXA-4TZB", "access", "Ada Lovelace", new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 20),
        JsonSerializer.Deserialize<ProcessingRegister>(SampleOrganisations.Register(register).ToJsonString(), RegisterStore.Json)!,
        [new SystemSection("Helpdesk", "done", [], [new CategorySection("support-tickets", ["subject"], [["Printer on fire"]], 1)])]);

    // Seed 000 §13.3: AI processing "via strictly selected third-party providers (OpenAI and Anthropic), subject to
    // GDPR-compliant contractual clauses"; §13.1 the AI purposes; §13.4 pseudonymisation; §13.5 the right to object.
    [TestCase("helpdesk-saas.json", "en", "United States", "Standard Contractual Clauses", "AI assistance with tickets",
        "You may object to AI use of your data at any time (Art. 21)")]
    [TestCase("helpdesk-saas.fr.json", "fr", "États-Unis", "Clauses contractuelles types", "Assistance par IA",
        "Vous pouvez vous opposer à tout moment à l'usage de l'IA sur vos données (art. 21)")]
    [TestCase("helpdesk-saas.ru.json", "ru", "США", "Стандартные договорные положения", "Помощь ИИ в работе",
        "Вы в любое время можете возразить против использования ИИ для Ваших данных (статья 21)")]
    public async Task The_helpdesks_access_letter_names_its_ai_sub_processors_their_transfers_and_the_ai_purposes(string register,
        string language, string country, string safeguard, string purpose, string objection)
    {
        var (text, _, _) = await Poppler.ReadAsync(await Composer.PdfAsync(Access(register, language), CancellationToken.None));
        using (Assert.EnterMultipleScope())
        {
            // Table cells wrap, so each is checked by its first words.
            Assert.That(text, Does.Contain("OpenAI (").And.Contain("Anthropic ("), "Art. 15(1)(c): the AI recipients, named");
            Assert.That(text, Does.Contain("OpenAI, L.L.C.").And.Contain("Anthropic, PBC").And.Contain(country).And.Contain(safeguard),
                "Art. 15(2): the transfers and their safeguards");
            Assert.That(text, Does.Contain(purpose).And.Contain(objection), "Art. 15(1)(a): the AI purposes and the right to object");
            Assert.That(text, Does.Contain("(Art. 22)").Or.Contain("(art. 22)").Or.Contain("(статья 22)"),
                "Art. 15(1)(h): a person decides every answer");
        }
    }

    // Seed 001 (Dastra): the DPO is reached through an online form, data comes from indirect sources, transfers go to
    // India and Israel under their own safeguards, prospects are scored.
    [Test]
    public async Task The_privacy_tools_vendors_letter_gives_the_dpos_web_form_the_indirect_sources_and_each_transfer()
    {
        var (text, _, _) = await Poppler.ReadAsync(await Composer.PdfAsync(Access("privacy-tools-vendor.json", "en"),
            CancellationToken.None));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("Data Protection Officer (reached through our online form), https://consentry.example/dpo"),
                "Art. 38(4): the DPO's form, and no dangling comma for the e-mail it does not have");
            Assert.That(text, Does.Contain("LinkedIn").And.Contain("India").And.Contain("Israel"));
            Assert.That(text, Does.Contain("Prospects are scored").And.Contain("Art. 21(2)"));
        }
    }

    // Seeds 003 and 004: the AI vendor is its customers' processor; its own letter says who answers for the chats.
    [Test]
    public async Task The_ai_vendors_own_letter_says_its_customers_answer_for_their_visitors_chats()
    {
        var (text, _, _) = await Poppler.ReadAsync(await Composer.PdfAsync(Access("ai-assistant-vendor.json", "en"),
            CancellationToken.None));
        Assert.That(text, Does.Contain("Not ours to decide").And.Contain("Improving our models")
            .And.Contain("run for those customers, who decide on them and offer a handoff to a person"));
    }
}
