using System.Text.Json;
using DsarEngine.Workflows.Packs;

namespace DsarEngine.Server.Tests.Packs;

// Letters rendered by the real renderer (Razor HtmlRenderer, then Debian's Chromium) and read back with poppler.
public sealed class LetterPdfTests : LetterRenderingTest
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static ProcessingRegister Register(string file) =>
        JsonSerializer.Deserialize<ProcessingRegister>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "organisations", file)), Json)!;

    private static LetterModel Model(string right, string language) => new(
        language, "DSR-7K2M-9QXA-4TZB", right, "Zoë Ångström-Παπαδοπούλου",
        new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 20), Register("helpdesk-saas.json"),
    [
        new SystemSection("Sales CRM", "done", [],
            [new CategorySection("contact-details", ["name", "city"],
                [["Анна Каренина", "Санкт-Петербург"], ["Zoë Ångström", "Besançon"]], 2)]),
        new SystemSection("Billing", "partial",
            [new KeptEntry("invoices", "Code de commerce art. L123-22 (10 years)", new DateOnly(2034, 6, 30))],
            [new CategorySection("invoices", ["id", "amount"], [["F-000001", "49.90"]], 120)]),
    ]);

    // Security review L8, defence in depth: should anything of a subject's ever reach a letter unencoded, the renderer
    // still runs no script and fetches nothing.
    [Test]
    public async Task The_renderer_runs_no_script_and_fetches_nothing()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var html = $"""
            <!doctype html><html lang="en"><head><title>Probe</title></head><body><p id="p">static text</p>
            <img src="http://127.0.0.1:{port}/beacon.png" alt=""><link rel="stylesheet" href="http://127.0.0.1:{port}/style.css">
            <script>document.getElementById('p').textContent = 'script ran';</script></body></html>
            """;
        var (text, _, _) = await Poppler.ReadAsync(await Renderer.RenderAsync(html, "DSR-PROBE", "en", CancellationToken.None));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("static text").And.Not.Contain("script ran"));
            Assert.That(listener.Pending(), Is.False, "no request reached the network");
        }
    }

    [TestCase("en", "Your request for access to your personal data", "Who receives your data", "Commission nationale")]
    [TestCase("fr", "Votre demande d'accès à vos données personnelles", "Qui reçoit vos données", "Commission nationale")]
    public async Task An_access_letter_has_every_article_15_section_the_copy_and_readable_names(
        string language, string title, string recipients, string authority)
    {
        var (text, fonts, info) = await Poppler.ReadAsync(await Composer.PdfAsync(Model("access", language), CancellationToken.None));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain(title).And.Contain(recipients).And.Contain(authority));
            Assert.That(text, Does.Contain("Zoë Ångström-Παπαδοπούλου").And.Contain("Анна Каренина")
                .And.Contain("Санкт-Петербург"));
            Assert.That(text, Does.Contain("Stripe Payments Europe Ltd").And.Contain("Data Privacy Framework")
                .And.Contain("10 years (Code de commerce L123-22)"));
            Assert.That(text, Does.Contain("DSR-7K2M-9QXA-4TZB").And.Contain(language == "fr" ? "Page 1 sur" : "Page 1 of"));
            Assert.That(text, Does.Contain(language == "fr" ? "119 enregistrements de plus" : "119 more records"),
                "120 invoices, one shown: the rest are only in the machine-readable files");
            Assert.That(fonts, Does.Contain("DejaVu"));
            Assert.That(
                fonts.Split('\n').Skip(2).Where(l => l.Trim().Length > 0).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
                Has.All.Matches<string[]>(cols => cols.Contains("yes")), "every font embedded");
            Assert.That(info, Does.Contain("Tagged:          yes"));
            Assert.That(info, Does.Match(@"Title:\s+" + System.Text.RegularExpressions.Regex.Escape(title)));
            Assert.That(info, Does.Contain("Page size:       595.92 x 842.88 pts (A4)").Or.Contain("(A4)"));
        }
    }

    // GDPR Art. 15(3): the letter says, in its language, that every record is in the ZIP downloaded with it, names the
    // ZIP and its files, and points each shortened table to its two files; the tables keep their first rows.
    [TestCase("en", "which you download together with this letter", "119 more records are in billing/invoices.json and "
        + "billing/invoices.csv in the ZIP file DSR-7K2M-9QXA-4TZB-copy.zip", "The files in DSR-7K2M-9QXA-4TZB-copy.zip:")]
    [TestCase("fr", "que vous téléchargez avec cette lettre", "119 enregistrements de plus figurent dans billing/invoices.json et "
        + "billing/invoices.csv du fichier ZIP DSR-7K2M-9QXA-4TZB-copy.zip", "Les fichiers de DSR-7K2M-9QXA-4TZB-copy.zip :")]
    public async Task An_access_letter_with_a_copy_names_the_zip_and_every_file_in_its_language(
        string language, string complete, string more, string files)
    {
        var model = Model("access", language);
        model = model with
        {
            Systems = [.. model.Systems.Select(s => s with
            {
                Data = [.. s.Data.Select(d => d with { CopyStem = $"{s.System.ToLowerInvariant().Replace(' ', '-')}/{d.Category}" })],
            })],
            Copy = new CopyFacts("DSR-7K2M-9QXA-4TZB-copy.zip", ["letter.pdf", "sales-crm/contact-details.json",
                "sales-crm/contact-details.csv", "billing/invoices.json", "billing/invoices.csv", "manifest.json"]),
        };
        var (text, _, _) = await Poppler.ReadAsync(await Composer.PdfAsync(model, CancellationToken.None));
        var loose = AccessCopyTests.Loose(text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(loose, Does.Contain(AccessCopyTests.Loose(complete)).And.Contain(AccessCopyTests.Loose(more))
                .And.Contain(AccessCopyTests.Loose(files)));
            Assert.That(loose, Does.Contain(
                    AccessCopyTests.Loose("sales-crm/contact-details.csv billing/invoices.json billing/invoices.csv manifest.json"))
                .And.Contain(AccessCopyTests.Loose("F-000001 49.90")), "the files listed, the table kept");
        }
    }

    [TestCase("en", "we do not process personal data about you", "We confirm that we process", "Who receives your data")]
    [TestCase("fr", "nous ne traitons pas de données personnelles vous concernant", "Nous confirmons traiter", "Qui reçoit vos données")]
    public async Task An_access_letter_where_no_system_holds_data_confirms_that_none_is_processed(
        string language, string none, string processed, string recipients)
    {
        var model = Model("access", language) with
        {
            Systems = [new SystemSection("Sales CRM", "not-found", [], []), new SystemSection("Billing", "not-found", [], [])],
        };
        var (text, _, _) = await Poppler.ReadAsync(await Composer.PdfAsync(model, CancellationToken.None));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain(none).And.Contain("Sales CRM").And.Contain("Billing"),
                "Art. 15(1): confirmation as to whether or not");
            Assert.That(text, Does.Not.Contain(processed).And.Not.Contain(recipients));
        }
    }

    [TestCase("en")]
    [TestCase("fr")]
    public async Task A_letter_is_navigable_by_a_screen_reader_in_the_subjects_language(string language)
    {
        var pdf = await Composer.PdfAsync(Model("access", language), CancellationToken.None);
        var structure = await Poppler.StructureAsync(pdf);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(structure, Does.StartWith("Document"));
            Assert.That(
                System.Text.RegularExpressions.Regex.Matches(structure, @"^\s+H1\b", System.Text.RegularExpressions.RegexOptions.Multiline),
                Has.Count.EqualTo(1), "one title");
            Assert.That(
                System.Text.RegularExpressions.Regex.Matches(structure, @"^\s+H2\b", System.Text.RegularExpressions.RegexOptions.Multiline),
                Has.Count.GreaterThanOrEqualTo(8), "a heading per Article 15 item");
            Assert.That(structure, Does.Contain("Table").And.Contain("/Scope /Column"), "data tables have column headers");
            Assert.That(System.Text.Encoding.Latin1.GetString(pdf), Does.Contain($"/Lang ({language})"),
                "the document's language is declared");
        }
    }

    [Test]
    public async Task Chinese_Japanese_and_Korean_names_render_with_an_embedded_font()
    {
        var model = Model("access", "en") with
        {
            SubjectName = "张伟",
            Systems =
            [
                new SystemSection("Sales CRM", "done", [],
                    [new CategorySection("contact-details", ["name", "city"], [["田中太郎", "東京"], ["김민준", "서울"]], 2)]),
            ],
        };
        var (text, fonts, _) = await Poppler.ReadAsync(await Composer.PdfAsync(model, CancellationToken.None));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text,
                Does.Contain("张伟").And.Contain("田中太郎").And.Contain("東京").And.Contain("김민준").And.Contain("서울"));
            Assert.That(fonts, Does.Contain("WenQuanYiMicroHei"));
        }
    }

    [TestCase("en", "What we had to keep, and why", "Kept until")]
    [TestCase("fr", "Ce que nous avons dû conserver, et pourquoi", "Conservées jusqu'au")]
    public async Task An_erasure_letter_says_what_was_kept_why_and_until_when(string language, string kept, string until)
    {
        var (text, _, _) = await Poppler.ReadAsync(await Composer.PdfAsync(Model("erasure", language), CancellationToken.None));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain(kept).And.Contain("L123-22").And.Contain(until));
            Assert.That(text, Does.Contain(language == "fr" ? "30 juin 2034" : "30 June 2034"),
                "until when, under the column that says so");
            Assert.That(text, Does.Contain(language == "fr" ? "article 19" : "Article 19"));
            Assert.That(text, Does.Contain("35"), "backups age out as the register says");
        }
    }

    [TestCase("rectification", "en", "Your request to correct your personal data", "Article 19")]
    [TestCase("restriction", "fr", "Votre demande de limitation du traitement de vos données",
        "article 18, paragraphe 3, du RGPD")]
    [TestCase("objection", "en", "Your objection to the processing of your data", "Article 21(3)")]
    [TestCase("consent-withdrawal", "fr", "Le retrait de votre consentement", "article 7, paragraphe 3, du RGPD")]
    [TestCase("portability", "en", "Your data, in a portable format", "SHA-256")]
    [TestCase("post-mortem-instructions", "fr", "Vos directives relatives à vos données après votre décès",
        "loi Informatique et Libertés")]
    public async Task Each_other_right_has_its_letter_saying_what_was_done_where_and_when(
        string right, string language, string title, string law)
    {
        var model = Model(right, language) with
        {
            Systems = [new SystemSection("Sales CRM", "done", [], []) { Summary = "Corrected: email.", On = new DateOnly(2026, 11, 18) }],
        };
        var (text, _, info) = await Poppler.ReadAsync(await Composer.PdfAsync(model, CancellationToken.None));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain(title).And.Contain(law).And.Contain("Sales CRM").And.Contain("Corrected: email."));
            Assert.That(text, Does.Contain(language == "fr" ? "18 novembre 2026" : "18 November 2026"));
            Assert.That(info, Does.Contain("Tagged:          yes"));
        }
    }

    [TestCase("en", "Manifestly unfounded: forty identical requests this week.", "Article 77")]
    [TestCase("fr", "Demande manifestement infondée.", "article 77")]
    public async Task A_refusal_letter_gives_the_reason_the_complaint_and_the_judicial_remedy(
        string language, string reason, string article)
    {
        var model = Model("erasure", language) with { Refusal = reason, Exemptions = ["art-12-5"] };
        var (text, _, _) = await Poppler.ReadAsync(await Composer.PdfAsync(model, CancellationToken.None));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain(reason).And.Contain(article).And.Contain(language == "fr" ? "article 79" : "Article 79"));
            Assert.That(text, Does.Contain("Commission nationale de l'informatique et des libertés"));
            Assert.That(text, Does.Not.Contain(language == "fr" ? "Ce que nous avons effacé" : "What we erased"));
        }
    }

    [TestCase("en", "US-CA", "en-US")]
    [TestCase("en", "GB-ENG", "en-GB")]
    [TestCase("fr", "BE", "fr-BE")]
    [TestCase("en", "IE", "en-IE")]
    [TestCase("en", "FR", "")]
    [TestCase("fr", "", "")]
    public void A_letter_writes_dates_as_the_organisations_country_does_in_the_subjects_language(
        string language, string jurisdiction, string locale) =>
        Assert.That(Server.Packs.Letters.LetterTexts.LocaleFor(language, jurisdiction), Is.EqualTo(locale));

    [Test]
    public async Task An_american_organisation_writes_the_month_first()
    {
        var model = Model("rectification", "en") with
        {
            Locale = "en-US",
            Systems = [new SystemSection("Sales CRM", "done", [], []) { Summary = "Corrected: email.", On = new DateOnly(2026, 11, 18) }],
        };
        var (text, _, _) = await Poppler.ReadAsync(await Composer.PdfAsync(model, CancellationToken.None));
        Assert.That(text, Does.Contain("November 18, 2026").And.Not.Contain("18 November 2026"));
    }

    [TestCase("en", "we need more time to answer", "We will answer by 2 February 2027 at the latest.", "Article 12(3)")]
    [TestCase("fr", "nous avons besoin de plus de temps", "Nous vous répondrons au plus tard le 2 février 2027.",
        "article 12, paragraphe 3, du RGPD")]
    public async Task An_extension_notice_gives_the_reasons_the_first_date_and_the_new_one(
        string language, string title, string due, string article)
    {
        var model = Model("erasure", language) with
        {
            Systems = [],
            Notice = new NoticeFacts("extension-notice", "Forty systems to search, some on paper.",
                new DateOnly(2026, 12, 2), new DateOnly(2027, 2, 2), [], null, false),
        };
        var (text, _, info) = await Poppler.ReadAsync(await Composer.PdfAsync(model, CancellationToken.None));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain(title).And.Contain("Forty systems to search, some on paper.")
                .And.Contain(due).And.Contain(article));
            Assert.That(text, Does.Contain(language == "fr" ? "2 décembre 2026" : "2 December 2026"), "the date it was first due");
            Assert.That(info, Does.Contain("Tagged:          yes"));
        }
    }

    [TestCase(true, true)]
    [TestCase(false, false)]
    public async Task An_identity_proof_request_lists_the_accepted_proofs_and_says_the_clock_waits_where_it_does(
        bool email, bool clockStops)
    {
        var model = Model("access", "en") with
        {
            Systems = [],
            Notice = new NoticeFacts("identity-request", null, null, null, email ? ["email", "manual"] : ["manual"],
                new DateOnly(2026, 11, 5), clockStops),
        };
        var (text, _, _) = await Poppler.ReadAsync(await Composer.PdfAsync(model, CancellationToken.None));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("please confirm that it comes from you").And.Contain("Article 12(6)")
                .And.Contain("customer number"));
            Assert.That(text.Contains("valid until 5 November 2026", StringComparison.Ordinal), Is.EqualTo(email));
            Assert.That(text.Contains("is suspended until we receive", StringComparison.Ordinal), Is.EqualTo(clockStops));
            Assert.That(text, Does.Not.Contain("A copy of your data"), "a notice, not an answer");
        }
    }

    [TestCase("helpdesk-saas.json")]
    [TestCase("helpdesk-saas.fr.json")]
    [TestCase("crm-vendor.json")]
    [TestCase("crm-vendor.ru.json")]
    [TestCase("helpdesk-saas.ru.json")]
    [TestCase("privacy-tools-vendor.json")]
    [TestCase("ai-assistant-vendor.json")]
    public async Task Every_sample_organisation_has_the_facts_a_letter_states_and_renders(string file)
    {
        var register = Register(file);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(register.Controller.Name, Is.Not.Empty);
            Assert.That(register.Authority.Name, Is.Not.Empty);
            Assert.That(register.Purposes, Is.Not.Empty.And.All.Matches<PurposeEntry>(p => p.LegalBasis.Length > 0));
            Assert.That(register.Retention, Is.Not.Empty);
        }
        var (text, _, _) = await Poppler.ReadAsync(
            await Composer.PdfAsync(Model("access", "en") with { Organisation = register }, CancellationToken.None));
        // A purpose fills a table cell that may wrap (at a hyphen too): its first two words show it is there.
        Assert.That(text, Does.Contain(register.Controller.Name)
            .And.Contain(string.Join(' ', register.Purposes[0].Purpose.Split(' ').Take(2))));
    }

    [Test]
    public async Task A_page_kept_for_the_next_letter_carries_nothing_of_the_previous_subject_or_language()
    {
        var first = await Composer.PdfAsync(
            Model("access", "fr") with { SubjectName = "Première Personne", Reference = "DSR-AAAA-AAAA-AAAA" }, CancellationToken.None);
        var second = await Composer.PdfAsync(
            Model("erasure", "en") with { SubjectName = "Second Subject", Reference = "DSR-BBBB-BBBB-BBBB" }, CancellationToken.None);
        var (text, _, info) = await Poppler.ReadAsync(second);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((await Poppler.ReadAsync(first)).Text, Does.Contain("Première Personne"));
            Assert.That(text, Does.Contain("Second Subject").And.Contain("DSR-BBBB-BBBB-BBBB").And.Contain("Page 1 of"));
            Assert.That(text, Does.Not.Contain("Première Personne").And.Not.Contain("DSR-AAAA-AAAA-AAAA").And.Not.Contain("Page 1 sur"));
            Assert.That(System.Text.Encoding.Latin1.GetString(second), Does.Contain("/Lang (en)"));
            Assert.That(info, Does.Match(@"Title:\s+Your request to erase your personal data"));
        }
    }

    [Test]
    public async Task When_the_browser_dies_the_next_render_starts_a_new_one()
    {
        await Composer.PdfAsync(Model("erasure", "en"), CancellationToken.None);
        var launches = Renderer.Launches;
        await Renderer.KillBrowserAsync();
        var pdf = await Composer.PdfAsync(Model("erasure", "en"), CancellationToken.None);
        Assert.That(Renderer.Launches, Is.EqualTo(launches + 1));
        Assert.That(pdf.AsSpan(0, 5).ToArray(), Is.EqualTo("%PDF-"u8.ToArray()));
    }
}
