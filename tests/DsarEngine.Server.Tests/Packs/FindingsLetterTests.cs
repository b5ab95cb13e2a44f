using System.Text.Json;
using DsarEngine.Workflows.Packs;

namespace DsarEngine.Server.Tests.Packs;

// GDPR Art. 21(1): the objection letter explains the assessment; Art. 22(3), 15(1)(h): the review letter explains the
// outcome and the logic. Rendered to PDF by the real renderer and read back with poppler.
public sealed class FindingsLetterTests : LetterRenderingTest
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static LetterModel Model(string right, string language) => new(
        language, "DSR-7K2M-9QXA-4TZB", right, "Zoë Ångström", new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 20),
        JsonSerializer.Deserialize<ProcessingRegister>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "organisations",
            "helpdesk-saas.json")), Json)!,
        [new SystemSection("Sales CRM", "done", [], []) { Summary = "No more profiling.", On = new DateOnly(2026, 11, 18) }])
    {
        Purpose = "profiling",
    };

    private static async Task<string> TextAsync(LetterModel model) =>
        (await Poppler.ReadAsync(await Composer.PdfAsync(model, CancellationToken.None))).Text;

    [TestCase("en", "Our assessment of your objection (Article 21(1))", "these grounds do not override yours")]
    [TestCase("fr", "Notre examen de votre opposition (article 21(1))", "ces motifs ne prévalent pas sur les vôtres")]
    [TestCase("ru", "Наша оценка вашего возражения (статья 21(1))", "не преобладают над вашими")]
    public async Task An_upheld_objection_letter_explains_the_grounds_weighed(string language, string heading, string conclusion)
    {
        var text = await TextAsync(Model("objection", language) with
        {
            Assessment = new AssessmentFacts("Scoring a closed account serves no fraud check.", "no"),
        });
        Assert.That(text, Does.Contain(heading).And.Contain("Scoring a closed account serves no fraud check.").And.Contain(conclusion));
    }

    [Test]
    public async Task An_objection_upheld_in_part_names_what_goes_on_and_the_remedies()
    {
        var text = await TextAsync(Model("objection", "en") with
        {
            Exemptions = ["fraud scoring"], Assessment = new AssessmentFacts("Fraud checks are required of us.", "in-part"),
        });
        Assert.That(text, Does.Contain("that part goes on (fraud scoring)").And.Contain("Article 79"));
    }

    [Test]
    public async Task A_refused_objection_letter_states_the_grounds_once_and_why_they_override()
    {
        const string grounds = "Anti-fraud duty under the payments law.";
        var text = await TextAsync(Model("objection", "en") with { Refusal = grounds, Assessment = new AssessmentFacts(grounds, "yes") });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("these grounds override your interests, rights and freedoms"));
            Assert.That(text.Split(grounds).Length - 1, Is.EqualTo(1), "the reasons are quoted once");
        }
    }

    [TestCase("en", "After the review, the decision has been changed.", "How the decision is made (Article 15(1)(h))")]
    [TestCase("fr", "Après réexamen, la décision a été modifiée.", "Comment la décision est prise (article 15(1)(h))")]
    public async Task An_automated_decision_letter_explains_the_review_and_the_logic(string language, string outcome, string logic)
    {
        var text = await TextAsync(Model("automated-decision-review", language) with
        {
            Purpose = null, Systems = [],
            Review = new ReviewFacts("changed", "Your income was misread; the limit is raised.", "A score of payment history.",
                "It sets your credit limit.", "A lower limit than asked."),
        });
        Assert.That(text, Does.Contain(outcome).And.Contain(logic).And.Contain("Your income was misread; the limit is raised.")
            .And.Contain("A score of payment history.").And.Contain("It sets your credit limit.").And.Contain("A lower limit than asked."));
    }
}
