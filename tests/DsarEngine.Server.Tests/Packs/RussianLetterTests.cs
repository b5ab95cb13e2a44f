using System.Text.Json;
using DsarEngine.Server.Packs;
using DsarEngine.Server.Packs.Letters;
using DsarEngine.Workflows.Packs;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Server.Tests.Packs;

// GDPR Art. 12(1): a request made in Russian is answered in Russian. Letters rendered by the real renderer (Razor, then
// Debian's Chromium with the DejaVu fonts) and read back with poppler, as LetterPdfTests does for English and French.
public sealed class RussianLetterTests : LetterRenderingTest
{
    private static LetterModel Model(string right, string register = "helpdesk-saas.ru.json") => new(
        "ru", "DSR-7K2M-9QXA-4TZB", right, "Анна Каренина", new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 20),
        JsonSerializer.Deserialize<ProcessingRegister>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "organisations", register)), RegisterStore.Json)!,
    [
        new SystemSection("CRM", "done", [],
            [new CategorySection("contact-details", ["name", "city"], [["Анна Каренина", "Санкт-Петербург"]], 1)]),
        new SystemSection("Billing", "partial",
            [new KeptEntry("invoices", "Code de commerce art. L123-22", new DateOnly(2034, 6, 30))],
            [new CategorySection("invoices", ["id", "amount"], [["F-000001", "49,90"]], 120)]),
    ]) { Locale = LetterTexts.LocaleFor("ru", "RU") };

    [Test]
    public void Every_letter_text_exists_in_every_language_the_engine_writes_in()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Languages.Supported, Does.Contain("ru"));
            Assert.That(Languages.Supported.SelectMany(l => LetterTexts.MissingIn(l).Select(k => $"{k} ({l})")), Is.Empty);
            Assert.That(LetterTexts.MissingIn("de"), Is.Not.Empty, "a language the engine does not write in lacks them all");
        }
    }

    [TestCase(1, "Ещё 1 запись приведена")]
    [TestCase(3, "Ещё 3 записи приведены")]
    [TestCase(11, "Ещё 11 записей приведены")]
    [TestCase(21, "Ещё 21 запись приведена")]
    [TestCase(22, "Ещё 22 записи приведены")]
    [TestCase(119, "Ещё 119 записей приведены")]
    [TestCase(1012, "Ещё 1012 записей приведены")]
    public void A_russian_count_takes_the_noun_form_its_number_asks_for(int count, string text) =>
        Assert.That(LetterTexts.T("ru", "copy.more", count), Does.StartWith(text));

    [Test]
    public async Task A_russian_access_letter_is_wholly_russian_dates_included_and_its_cyrillic_is_embedded()
    {
        var pdf = await Composer.PdfAsync(Model("access"), CancellationToken.None);
        var (text, fonts, info) = await Poppler.ReadAsync(pdf);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("Ваш запрос о доступе к Вашим персональным данным").And.Contain("Здравствуйте, Анна Каренина!"));
            Assert.That(text, Does.Contain("2 ноября 2026 г. мы получили Ваш запрос DSR-7K2M-9QXA-4TZB."),
                "received on, as Russian writes it");
            Assert.That(text, Does.Contain("DSR-7K2M-9QXA-4TZB · 20 ноября 2026 г."), "the letter's date");
            Assert.That(text, Does.Contain("статьёй 15 Общего регламента ЕС по защите персональных данных (GDPR)"));
            Assert.That(text, Does.Contain("Кто получает Ваши данные").And.Contain("Предоставление услуг службы поддержки")
                .And.Contain("обработчик").And.Contain("Национальная комиссия по информатике и свободам Франции"));
            Assert.That(text, Does.Contain("Санкт-Петербург").And.Contain("Ещё 119 записей приведены"));
            Assert.That(text, Does.Contain("Страница 1 из").And.Contain("С уважением,"));
            Assert.That(text, Does.Not.Contain("Who receives").And.Not.Contain("Providing the helpdesk").And.Not.Contain("Page 1"));
            Assert.That(fonts, Does.Contain("DejaVu"));
            Assert.That(
                fonts.Split('\n').Skip(2).Where(l => l.Trim().Length > 0).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
                Has.All.Matches<string[]>(cols => cols.Contains("yes")), "every font embedded");
            Assert.That(info, Does.Match(@"Title:\s+Ваш запрос о доступе к Вашим персональным данным"));
            Assert.That(System.Text.Encoding.Latin1.GetString(pdf), Does.Contain("/Lang (ru)"));
        }
    }

    [Test]
    public async Task A_russian_erasure_letter_says_what_was_kept_until_when_and_for_how_many_days_backups_live()
    {
        var (text, _, _) = await Poppler.ReadAsync(await Composer.PdfAsync(Model("erasure"), CancellationToken.None));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("Что нам пришлось сохранить и почему").And.Contain("Хранятся до")
                .And.Contain("30 июня 2034 г."));
            Assert.That(text, Does.Contain("в течение 35 дней").And.Contain("статья 19 GDPR"));
        }
    }

    [Test]
    public async Task A_russian_extension_notice_gives_the_reasons_the_first_date_and_the_new_one()
    {
        var model = Model("erasure") with
        {
            Systems = [],
            Notice = new NoticeFacts("extension-notice", "Сорок систем, часть архивов — на бумаге.",
                new DateOnly(2026, 12, 2), new DateOnly(2027, 2, 2), [], null, false),
        };
        var (text, _, _) = await Poppler.ReadAsync(await Composer.PdfAsync(model, CancellationToken.None));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("нам требуется больше времени для ответа").And.Contain("статья 12(3) GDPR"));
            Assert.That(text, Does.Contain("не позднее 2 декабря 2026 г.").And.Contain("Сорок систем, часть архивов — на бумаге."));
            Assert.That(text, Does.Contain("Мы ответим Вам не позднее 2 февраля 2027 г.").And.Not.Contain("г.."));
        }
    }

    [Test]
    public async Task A_russian_refusal_letter_gives_the_reason_the_complaint_and_the_judicial_remedy()
    {
        var model = Model("erasure") with { Refusal = "Запрос явно необоснован." };
        var (text, _, _) = await Poppler.ReadAsync(await Composer.PdfAsync(model, CancellationToken.None));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("почему мы не можем его исполнить").And.Contain("Запрос явно необоснован."));
            Assert.That(text, Does.Contain("статья 12(4) GDPR").And.Contain("(статья 77)").And.Contain("(статья 79)"));
            Assert.That(text, Does.Not.Contain("Что мы удалили"));
        }
    }

    [TestCase("RU", "ru-RU")]
    [TestCase("BY", "ru-BY")]
    [TestCase("", "")]
    public void A_russian_letter_writes_dates_as_the_organisations_country_does(string jurisdiction, string locale) =>
        Assert.That(LetterTexts.LocaleFor("ru", jurisdiction), Is.EqualTo(locale));
}
