using System.Text.Json;
using DsarEngine.Server.Packs.Letters;
using DsarEngine.Workflows.Packs;

namespace DsarEngine.Server.Tests.Packs;

// Issue 15 (legal review E6, E8, §3b): a letter never reports a system that failed, timed out or was skipped as done,
// states only what the engine does, and reads as a French or English controller writes. Rendered by the real renderer
// and read back from the PDF with poppler.
public sealed class HonestLetterTests : LetterRenderingTest
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly ProcessingRegister Register = JsonSerializer.Deserialize<ProcessingRegister>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "organisations", "helpdesk-saas.json")), Json)!;

    private static LetterModel Model(string right, string language, params SystemSection[] systems) => new(
        language, "DSR-7K2M-9QXA-4TZB", right, "Ada Lovelace", new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 20), Register, systems);

    // The PDF's text with every run of whitespace (a narrow no-break space included) made one space.
    private static async Task<string> TextAsync(LetterModel model) =>
        (await Poppler.ReadAsync(await Composer.PdfAsync(model, CancellationToken.None))).Text;

    private static SystemSection Section(string name, string outcome) => new(name, outcome, [], []);

    [TestCase("en", "not completed", "What we could not do", "Article 79")]
    [TestCase("fr", "non effectué", "Ce que nous n'avons pas pu faire", "article 79 du RGPD")]
    [TestCase("ru", "не выполнено", "Что мы не смогли сделать", "статья 79")]
    public async Task A_system_that_failed_timed_out_or_was_skipped_is_not_reported_as_done(
        string language, string notCompleted, string heading, string remedy)
    {
        var text = await TextAsync(Model("rectification", language,
            Section("Sales CRM", "done") with { Summary = "Corrected: email." },
            Section("Billing", "failed"), Section("Archive", "timed-out"), Section("Legacy ERP", "sent")));
        var done = LetterTexts.T(language, "outcome.done");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain($"Billing {notCompleted}").And.Contain($"Archive {notCompleted}")
                .And.Contain($"Legacy ERP {notCompleted}"), "each system not answered is marked as such in the table");
            Assert.That(text, Does.Contain($"Sales CRM {done} Corrected: email."));
            Assert.That(text, Does.Not.Contain($"Billing {done}").And.Not.Contain($"Archive {done}"));
            Assert.That(text, Does.Contain(heading).And.Contain("Billing, Archive, Legacy ERP").And.Contain(remedy)
                .And.Contain("DSR-7K2M-9QXA-4TZB"), "what could not be done, and what the subject can do next");
        }
    }

    [TestCase("en", "not completed")]
    [TestCase("fr", "non effectué")]
    public async Task An_erasure_letter_with_a_failed_system_renders_and_says_it_erased_nothing_there(string language, string notCompleted)
    {
        var text = await TextAsync(Model("erasure", language, Section("Sales CRM", "done"), Section("Billing", "failed")));
        Assert.That(text, Does.Contain($"Billing {notCompleted}").And.Contain(LetterTexts.T(language, "not-completed")));
    }

    [TestCase("en", "Where we could not search", "we cannot yet confirm that we process none", "we do not process personal data")]
    [TestCase("fr", "Où nous n'avons pas pu chercher", "nous ne pouvons donc pas encore confirmer",
        "nous ne traitons pas de données personnelles")]
    public async Task An_access_letter_never_counts_a_system_it_could_not_search_as_searched(
        string language, string notSearched, string incomplete, string none)
    {
        var text = await TextAsync(Model("access", language, Section("Sales CRM", "not-found"), Section("Billing", "timed-out")));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain(incomplete).And.Contain(notSearched).And.Contain("Billing"));
            Assert.That(text, Does.Not.Contain(none), "no data found where searched is not no data held");
            Assert.That(text, Does.Not.Contain(LetterTexts.T(language, "confirmation")), "nothing found anywhere: nothing confirmed");
        }
        var found = await TextAsync(Model("access", language, Section("Sales CRM", "done"), Section("Billing", "failed")));
        Assert.That(found, Does.Contain(LetterTexts.T(language, "confirmation")).And.Contain(notSearched));
    }

    // GDPR Art. 12(4): a partial answer refuses the rest; the reason, the exemptions and both remedies reach the letter.
    [TestCase("en", "Article 12(4)", "Article 77", "Article 79")]
    [TestCase("fr", "article 12, paragraphe 4, du RGPD", "article 77 du RGPD", "article 79 du RGPD")]
    public async Task A_partial_answer_gives_its_reason_the_exemptions_and_the_remedies(
        string language, string article, string complaint, string court)
    {
        var model = Model("erasure", language, Section("Billing", "partial")) with
        {
            PartialReason = "Invoices must be kept for ten years.", Exemptions = ["GDPR Art. 17(3)(b)"],
        };
        var text = await TextAsync(model);
        Assert.That(text, Does.Contain("Invoices must be kept for ten years.").And.Contain("GDPR Art. 17(3)(b)")
            .And.Contain(article).And.Contain(complaint).And.Contain(court));
    }

    [TestCase("direct-marketing", "Article 21(3)", "Article 21(1)")]
    [TestCase("profiling", "Article 21(1)", "absolute")]
    [TestCase("research", "Article 21(6)", "absolute")]
    public async Task An_objection_letter_states_the_law_of_its_purpose(string purpose, string article, string not)
    {
        var text = await TextAsync(Model("objection", "en", Section("Sales CRM", "done")) with { Purpose = purpose });
        Assert.That(text, Does.Contain(article).And.Not.Contain(not));
    }

    [Test]
    public async Task Letters_state_only_what_the_engine_does()
    {
        var portability = await TextAsync(Model("portability", "en", Section("Sales CRM", "done")));
        var restriction = await TextAsync(Model("restriction", "fr", Section("Sales CRM", "done")));
        var identity = await TextAsync(Model("access", "en") with
        {
            Notice = new NoticeFacts("identity-request", null, null, null, ["manual"], null, true),
        });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(portability, Does.Contain("the data about you that we hold in these systems").And.Not.Contain("you provided"));
            Assert.That(restriction, Does.Contain("L'article 18, paragraphe 3, du RGPD nous oblige à vous informer")
                .And.Not.Contain("nous vous préviendrons"));
            Assert.That(identity, Does.Contain("we record that your identity was checked and how")
                .And.Contain("kept, encrypted, with the record of your request"));
        }
    }

    [Test]
    public async Task A_french_letter_writes_the_first_of_the_month_greets_and_closes_in_one_formal_register()
    {
        var model = Model("erasure", "fr",
            Section("Sales CRM", "partial") with
            {
                Kept = [new KeptEntry("invoices", "legal-obligation: Code de commerce art. L123-22", new DateOnly(2034, 6, 30))],
            },
            Section("Billing", "not-found")) with { ReceivedOn = new DateOnly(2026, 3, 1) };
        var text = await TextAsync(model);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("le 1er mars 2026"));
            Assert.That(text, Does.Contain("Madame, Monsieur,").And.Not.Contain("Bonjour"));
            Assert.That(text, Does.Contain("Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées."));
            Assert.That(text, Does.Contain("Sales CRM effectué en partie").And.Contain("Billing aucune donnée trouvée"));
            Assert.That(text, Does.Contain("Obligation légale (article 17, paragraphe 3, point b), du RGPD) : Code de commerce"),
                "a ground's code in the letter's language, its detail as the connector gave it");
            Assert.That(text, Does.Contain("vous pouvez également vous opposer à leur traitement"));
            Assert.That(text, Does.Contain("Les copies de sauvegarde sont supprimées dans un délai de 35 jours"));
            Assert.That(text, Does.Contain("en application de l'article 17 du règlement"));
        }
    }

    [TestCase("Ada Lovelace", "Dear Ada Lovelace,", "Yours sincerely,", "Yours faithfully,")]
    [TestCase(null, "Dear Sir or Madam,", "Yours faithfully,", "Yours sincerely,")]
    public async Task An_english_letter_closes_as_its_greeting_requires(string? name, string greeting, string closing, string not)
    {
        var text = await TextAsync(Model("erasure", "en", Section("Sales CRM", "done")) with { SubjectName = name });
        Assert.That(text, Does.Contain(greeting).And.Contain(closing).And.Not.Contain(not));
    }

    [Test]
    public void A_partial_decision_without_a_reason_is_refused_with_the_field_named()
    {
        var (signal, errors) = Server.Workflow.WorkflowCommands.Decision(
            new Server.Workflow.DecisionBody("assess", "partial", null, ["GDPR Art. 17(3)(b)"]), "dpo");
        Assert.That(signal, Is.Null);
        Assert.That(errors.Keys, Is.EqualTo(new[] { "reason" }));
    }

    [Test]
    public void A_french_e_mail_date_writes_the_first_of_the_month_as_1er()
    {
        var french = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.Mail.MailRenderer.LongDate(new DateTime(2025, 2, 1), french), Is.EqualTo("samedi 1er février 2025"));
            Assert.That(Server.Mail.MailRenderer.LongDate(new DateTime(2025, 2, 11), french), Is.EqualTo("mardi 11 février 2025"));
            Assert.That(Server.Mail.MailRenderer.LongDate(new DateTime(2025, 2, 1, 14, 30, 0), french, withTime: true),
                Is.EqualTo("samedi 1er février 2025 14:30"));
        }
    }

    [Test]
    public void Counts_take_the_singular_or_plural_the_language_requires()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(LetterTexts.T("fr", "copy.more", 1), Does.StartWith("1 enregistrement de plus figure "));
            Assert.That(LetterTexts.T("fr", "copy.more", 2), Does.StartWith("2 enregistrements de plus figurent "));
            Assert.That(LetterTexts.T("en", "copy.more", 1), Does.StartWith("1 more record is "));
            // and say what happens on a restore (BackupRestores), not that one never happens.
            Assert.That(LetterTexts.T("en", "backups", 1), Does.Contain("within 1 day; if a system is ever restored"));
            Assert.That(LetterTexts.T("fr", "backups", 1), Does.Contain("dans un délai de 1 jour\u202F; si un système"));
        }
    }

    // French sets a narrow no-break space before ; : ? ! (no line breaks before the sign): every French text, filled.
    [Test]
    public void Every_french_text_has_a_narrow_no_break_space_before_a_colon_semicolon_question_or_exclamation_mark()
    {
        var keys = LetterTexts.MissingIn("xx").ToList(); // a language with no texts of its own lacks every key
        var plain = keys.Where(k => System.Text.RegularExpressions.Regex.IsMatch(
            LetterTexts.T("fr", k, "A", "B", "C", "D"), @" [:;?!]")).ToList();
        Assert.That(keys, Has.Count.GreaterThan(50));
        Assert.That(plain, Is.Empty);
    }

    // The closing (rights, complaint, signature) moves to the next page as a whole: a signature never stands alone there.
    [Test]
    public async Task The_signature_never_stands_alone_on_the_last_page()
    {
        async Task<byte[]> Letter(int systems) => await Composer.PdfAsync(
            Model("rectification", "en", [.. Enumerable.Range(1, systems).Select(n => Section($"System {n}", "done"))]),
            CancellationToken.None);
        // The fewest systems that make the letter two pages long: its second page holds only what was pushed over.
        int low = 1, high = 120;
        Assert.That(await PagesAsync(await Letter(high)), Is.GreaterThanOrEqualTo(2), "enough rows to need a second page");
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (await PagesAsync(await Letter(mid)) >= 2)
                high = mid;
            else
                low = mid + 1;
        }
        var last = await PageTextAsync(await Letter(low), 2);
        Assert.That(last, Does.Contain("Yours sincerely,").And.Contain("Your rights").And.Contain("lodge a complaint"),
            $"{low} systems: the second page holds the whole closing");
    }

    private static async Task<int> PagesAsync(byte[] pdf) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(
            (await Poppler.ReadAsync(pdf)).Info, @"Pages:\s+(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> PageTextAsync(byte[] pdf, int page)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dsar-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var p = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var text = await Poppler.RunAsync("pdftotext", "-f", p, "-l", p, path, "-");
            return System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
