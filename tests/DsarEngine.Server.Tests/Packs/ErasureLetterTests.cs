using System.Text.Json;
using DsarEngine.Workflows.Packs;

namespace DsarEngine.Server.Tests.Packs;

// GDPR Art. 17(3) and 19 in the erasure letter, read back from the PDF: a partial decision's exemptions by system, and
// the recipients each system reported, whom the organisation tells.
public sealed class ErasureLetterTests : LetterRenderingTest
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static LetterModel Model(string right, string language, bool recipients) => new(
        language, "DSR-7K2M-9QXA-4TZB", right, "Zoë Ångström", new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 20),
        JsonSerializer.Deserialize<ProcessingRegister>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "organisations",
            "helpdesk-saas.json")), Json)!,
    [
        new SystemSection("Sales CRM", "done", [], []) { Recipients = recipients ? ["Adtech Partner SAS"] : [] },
        new SystemSection("Billing", "partial", [new KeptEntry("invoices", "Code de commerce L123-22", null)], []),
    ]);

    [TestCase("en", "What we decided not to erase", "all systems", "Who we tell (Article 19 GDPR)")]
    [TestCase("fr", "Ce que nous avons décidé de ne pas effacer", "tous les systèmes", "Qui nous informons (article 19 du RGPD)")]
    public async Task A_partial_erasure_letter_names_the_exemptions_by_system_and_the_recipients_told(
        string language, string heading, string everySystem, string recipientsHeading)
    {
        var model = Model("erasure", language, recipients: true) with
        {
            Exemptions = ["legal claims"],
            Keep = [new ExemptEntry("invoices", "Art. 17(3)(b): tax law", "Billing"), new ExemptEntry("tickets", "claim 2025-17", null)],
        };
        var (text, _, _) = await Poppler.ReadAsync(await Composer.PdfAsync(model, CancellationToken.None));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain(heading).And.Contain("legal claims").And.Contain("Art. 17(3)(b): tax law"));
            Assert.That(text, Does.Contain(everySystem).And.Contain("claim 2025-17"));
            Assert.That(text, Does.Contain(recipientsHeading).And.Contain("Adtech Partner SAS"));
        }
    }

    [TestCase("erasure")]
    [TestCase("restriction")]
    public async Task A_letter_with_no_recipient_reported_says_so_instead_of_promising_to_tell_them(string right)
    {
        var (text, _, _) = await Poppler.ReadAsync(await Composer.PdfAsync(Model(right, "en", recipients: false), CancellationToken.None));
        Assert.That(text, Does.Contain("None of our systems reported disclosing your data").And.Not.Contain("What we decided not"));
    }
}
