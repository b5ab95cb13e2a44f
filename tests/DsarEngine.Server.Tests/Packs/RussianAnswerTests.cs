using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Packs;

// GDPR Art. 12(1), and 152-FZ for the Russian market: a request made in Russian is answered in Russian from the
// acknowledgement to the letter, and its dates are written as Russian writes them. The subject's side is read where
// the subject reads it: the mail catcher and the downloaded PDF.
public sealed class RussianAnswerTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task A_russian_access_request_is_answered_in_russian_from_the_acknowledgement_to_the_letter()
    {
        await using var connector = await ExportingConnector.StartAsync($"ru-{Guid.NewGuid():N}"[..14]);
        var tenant = await TestTenant.CreateAsync(Engine, jurisdiction: "RU");
        await connector.ServeAsync(tenant.Slug);
        var admin = tenant.Staff(Engine, "admin");
        await RequestDriver.RegisterAsync(admin, connector.Name, new { displayName = "Заказы", actions = new[] { "export" } });
        var register = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "organisations", "helpdesk-saas.ru.json")));
        var put = await admin.PutAsJsonAsync("/api/v1/staff/register/ru", register);
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());
        var email = Submissions.UniqueEmail("anna");
        var body = Submissions.Valid(tenant.Slug, "access");
        body["subject"]!["email"] = email;
        body["subject"]!["name"] = "Анна Каренина";
        (body["language"], body["jurisdiction"]) = ("ru-RU", "RU");
        var submitted = await Engine.CreateClient().SendAsync(Submissions.Post(body));
        Assert.That(submitted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await submitted.Content.ReadAsStringAsync());
        var reference = (string)(await submitted.ReadObjectAsync())["reference"]!;
        var staff = tenant.Staff(Engine, "privacy-officer");

        await RequestDriver.ToFanOutAsync(staff, reference);
        await RequestDriver.ApproveUntilClosedAsync(staff, reference);
        var (pdf, _) = await SubjectDownload.DownloadAsync(Engine, reference, email);

        var received = await MailCatcher.WaitForAsync(email, "request-received");
        var ready = await MailCatcher.WaitForAsync(email, "response-ready");
        var code = await MailCatcher.WaitForAsync(email, "pack-code");
        var (letter, fonts, _) = await Poppler.ReadAsync(pdf);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(received.Subject, Is.EqualTo($"Мы получили Ваш запрос {reference}"));
            Assert.That(received.Body, Does.StartWith("Здравствуйте, Анна Каренина!"));
            Assert.That(received.Body, Does.Match($@"Ваш запрос \(доступ к данным\) получен {RussianDate}, номер запроса: {reference}\."));
            Assert.That(received.Body, Does.Match($"Мы ответим Вам не позднее {RussianDate};"));
            Assert.That(ready.Subject, Is.EqualTo($"Ваш запрос {reference} исполнен"));
            Assert.That(ready.Body, Does.Contain($"Мы исполнили Ваш запрос {reference} (доступ к данным).")
                .And.Match($"Ссылка действительна до {RussianDate};"));
            Assert.That(code.Subject, Is.EqualTo($"Код для открытия ответа на запрос {reference}"));
            Assert.That(code.Body, Does.Contain("Если это были Вы, введите этот код:").And.Contain("С уважением,"));
            Assert.That(new[] { received, ready, code }.Select(m => m.Body), Has.None.Contain("Hello").And.None.Contain("Bonjour"));
            Assert.That(letter, Does.Contain("Ваш запрос о доступе к Вашим персональным данным").And.Contain(reference));
            Assert.That(letter, Does.Match($"{RussianDate} мы получили Ваш запрос {reference}"), "the date as Russian writes it");
            Assert.That(letter, Does.Contain("Предоставление услуг службы поддержки").And.Contain("Заказы").And.Contain("Кириллица"),
                "the Russian register, the system and the subject's data");
            Assert.That(letter, Does.Not.Contain("Providing the helpdesk service").And.Not.Contain("Who receives"));
            Assert.That(new[] { received.Body, ready.Body, letter }, Has.None.Contain("г.."), "one full stop after \"г.\"");
            Assert.That(fonts, Does.Contain("DejaVu"));
        }
    }

    // "2 ноября 2026 г.": the day, the month in the genitive, the year and its abbreviation.
    private const string RussianDate =
        @"\d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) \d{4} г\.";
}
