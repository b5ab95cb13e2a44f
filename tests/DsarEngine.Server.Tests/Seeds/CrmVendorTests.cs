using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Tests.Packs;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Seeds;

// The CRM sample (samples/organisations/crm-vendor*.json, seed 002 AstraCRM): a Russian operator under 152-FZ, hosted in
// Russia, with a Telegram bot and AI summaries (OpenRouter, pseudonymised; Yandex Cloud). Its promises, end to end with its
// own data: answers within 30 days (152-FZ is stricter), in Russian or English, children's data deleted at a parent's
// request, backups purged within 90 days, the AI providers named (docs/samples.md).
public sealed class CrmVendorTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    // The subject writes in French: 152-FZ's wording exists in Russian and English only, so the answer is in Russian, from
    // the Russian register; in English, from the English one. Either way within the seed's 30 days and 152-FZ's 10 working days.
    [TestCase("fr", "Ваш запрос о доступе к Вашим персональным данным", "Федерального закона от 27 июля 2006 г. № 152-ФЗ",
        "Только псевдонимизированный", "Трансграничная передача персональных данных", "Роскомнадзор")]
    [TestCase("en", "Your request for access to your personal data", "Russian Federal Law No. 152-FZ",
        "Pseudonymised text only", "Cross-border transfers", "Roskomnadzor")]
    public async Task An_access_request_is_answered_under_152_fz_within_the_30_days_promised_and_names_the_ai_providers(
        string language, string title, string law, string pseudonymised, string transfers, string authority)
    {
        await using var connector = await ExportingConnector.StartAsync($"crm-{Guid.NewGuid():N}"[..14]);
        var (tenant, staff) = await SetUpAsync(connector.Name, connector.ServeAsync, "export");
        var email = Submissions.UniqueEmail("ivan");
        var reference = await SubmitAsync(tenant, "access", email, language);

        await RequestDriver.ToFanOutAsync(staff, reference);
        await RequestDriver.ApproveUntilClosedAsync(staff, reference);
        var (letter, _, _) = await Poppler.ReadAsync(await LetterAsync(reference, email));
        var view = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}");
        var deadline = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/deadline");
        var (received, due) = (DateOnly.Parse((string)deadline!["receivedOn"]!), DateOnly.Parse((string)deadline["effectiveDue"]!));
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)view!["regime"]!, Is.EqualTo("152-fz"), "the organisation's law, whatever the subject's language");
            Assert.That(due, Is.LessThanOrEqualTo(received.AddDays(30)), "the seed: we respond within 30 days");
            Assert.That(WeekdaysAfter(received, due), Is.InRange(10, 18), "152-FZ Art. 20: 10 working days (holidays only add)");
            Assert.That(Steps(deadline), Does.Contain("10 working days"));
            Assert.That(letter, Does.Contain(title).And.Contain(law).And.Contain(reference));
            // Table cells wrap, so each is checked by its first words.
            Assert.That(letter, Does.Contain("OpenRouter, Inc.").And.Contain("Yandex Cloud").And.Contain("Telegram"),
                "152-FZ Art. 14(7)(4), (9): who receives the data, the AI providers among them");
            Assert.That(letter, Does.Contain(transfers).And.Contain(pseudonymised),
                "Art. 14(7)(8): the cross-border transfer, pseudonymised");
            Assert.That(letter, Does.Contain(authority));
            Assert.That(letter, Does.Not.Contain("GDPR").And.Not.Contain("CNIL"), "152-FZ's wording, not the GDPR's");
        }
    }

    // Seed 002 §11: "We will promptly delete any personal information from children that we become aware of", and parents may
    // ask. A parent asks; the request waits for the proof 152-FZ and the Family Code ask; the data is destroyed within
    // 152-FZ's 7 working days, and the letter, in Russian, says the backups lose it within the seed's 90 days.
    [Test]
    public async Task A_parents_request_to_delete_a_childs_data_waits_for_proof_then_erases_within_7_working_days()
    {
        await using var crm = await StubConnector.StartAsync($"crm-{Guid.NewGuid():N}"[..14]);
        var (tenant, staff) = await SetUpAsync(crm.Name, crm.ServeAsync, "erase");
        var email = Submissions.UniqueEmail("masha");
        var body = Body(tenant, "erasure", email, "ru");
        body["subject"]!["name"] = "Маша Петрова";
        body["details"] = "Моей дочери 12 лет, она писала Telegram-боту. Прошу удалить её данные.";
        body["representative"] = new JsonObject
        {
            ["relationship"] = "parent", ["name"] = "Ольга Петрова", ["email"] = Submissions.UniqueEmail("olga"),
        };
        var accepted = await SubmitAsync(body);
        var reference = (string)accepted["reference"]!;

        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("identity"), "the identity step");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/identity", new { evidence = "Parent's passport seen." });
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:assess"), "the assessment");
        var held = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions",
            new { step = "assess", outcome = "proceed" });
        var proof = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/representative/proof",
            new { evidence = "Birth certificate names Olga Petrova as the mother; the child is 12." });
        var proceeded = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions",
            new { step = "assess", outcome = "proceed" });
        Assert.That(proceeded.StatusCode, Is.EqualTo(HttpStatusCode.OK), await proceeded.Content.ReadAsStringAsync());
        await RequestDriver.ApproveUntilClosedAsync(staff, reference);
        var (letter, _, _) = await Poppler.ReadAsync(await LetterAsync(reference, email));
        var deadline = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/deadline");
        var (received, due) = (DateOnly.Parse((string)deadline!["receivedOn"]!), DateOnly.Parse((string)deadline["effectiveDue"]!));
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)accepted["proofRequired"]!, Does.Contain("birth certificate").And.Contain("Family Code"));
            Assert.That(held.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "held until the parent's proof is confirmed");
            Assert.That(proof.StatusCode, Is.EqualTo(HttpStatusCode.OK), await proof.Content.ReadAsStringAsync());
            Assert.That(crm.Received.OfType<EraseSubjectData>().Count(), Is.EqualTo(1), "the CRM was told to erase");
            Assert.That(WeekdaysAfter(received, due), Is.InRange(7, 15), "152-FZ Art. 20(3): 7 working days");
            Assert.That(Steps(deadline), Does.Contain("7 working days"));
            Assert.That(letter, Does.Contain("Ваш запрос об удалении Ваших персональных данных").And.Contain("152-ФЗ"));
            Assert.That(letter, Does.Contain("удаляются в течение 90 дней"), "seed: purged from backups within 90 days");
            Assert.That(letter, Does.Contain(crm.Name).And.Not.Contain("GDPR"));
        }
    }

    // The other rights the seed lists (correction, restriction, objection, consent withdrawal, portability), each with
    // 152-FZ's own period for it and answered in Russian. The objection is to the AI summaries and the consent withdrawn is
    // the one for offers (152-FZ Art. 15): the CRM is told to stop exactly that purpose.
    [TestCase("rectification", "Ваш запрос об исправлении Ваших персональных данных", "7 working days")]
    [TestCase("restriction", "Ваш запрос об ограничении обработки Ваших данных", "moment of the request")]
    [TestCase("objection", "Ваше возражение против обработки Ваших данных", "10 working days")]
    [TestCase("consent-withdrawal", "Отзыв Вашего согласия", "within 30 days")]
    [TestCase("portability", "Ваши данные в переносимом формате", "10 working days")]
    public async Task Every_right_the_seed_lists_is_answered_in_russian_within_its_152_fz_period(string right, string title, string period)
    {
        await using var crm = await StubConnector.StartAsync($"crm-{Guid.NewGuid():N}"[..14]);
        var (tenant, staff) = await SetUpAsync(crm.Name, crm.ServeAsync, "export", "rectify", "restrict", "stop-processing");
        var email = Submissions.UniqueEmail("petr");
        var body = Body(tenant, right, email, "ru");
        if (right == "rectification")
            body["changes"] = new JsonArray(new JsonObject { ["field"] = "name", ["value"] = "Пётр Иванов" });
        if (right is "objection" or "consent-withdrawal")
            body["purpose"] = right == "objection" ? "ai-processing" : "direct-marketing";
        var reference = (string)(await SubmitAsync(body))["reference"]!;

        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("identity"), "the identity step");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/identity", new { evidence = "Matched the account e-mail." });
        var next = await TestData.Workflows.WaitForAsync(staff, reference,
            v => (string?)v["waitingFor"] is "decision:assess" or "connectors" or "decision:review", "the assessment or what follows");
        if ((string?)next["waitingFor"] == "decision:assess")
        {
            var decided = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions", new
            {
                step = "assess", outcome = "proceed", grounds = right == "objection" ? "No compelling grounds for AI summaries." : null,
            });
            Assert.That(decided.StatusCode, Is.EqualTo(HttpStatusCode.OK), await decided.Content.ReadAsStringAsync());
        }
        await RequestDriver.ApproveUntilClosedAsync(staff, reference);
        var (letter, _, _) = await Poppler.ReadAsync(await LetterAsync(reference, email));
        var deadline = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/deadline");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)deadline!["regime"]!, Is.EqualTo("152-fz"));
            Assert.That(DateOnly.Parse((string)deadline["effectiveDue"]!),
                Is.LessThanOrEqualTo(DateOnly.Parse((string)deadline["receivedOn"]!).AddDays(30)), "the seed's 30 days");
            Assert.That(Steps(deadline), Does.Contain(period));
            Assert.That(letter, Does.Contain(title).And.Contain("152-ФЗ").And.Not.Contain("GDPR"));
            if (right is "objection" or "consent-withdrawal")
                Assert.That(crm.Received.OfType<StopProcessing>().Select(s => s.Purpose),
                    Is.EqualTo(new[] { right == "objection" ? "ai-processing" : "direct-marketing" }), "the purpose named, no other");
        }
    }

    private static async Task<(TestTenant Tenant, HttpClient Staff)> SetUpAsync(
        string connector, Func<string, Task> serve, params string[] actions)
    {
        var tenant = await SampleOrganisations.CreateAsync(Engine, "crm-vendor");
        await serve(tenant.Slug);
        await RequestDriver.RegisterAsync(tenant.Staff(Engine, "admin"), connector, new { displayName = connector, actions });
        return (tenant, tenant.Staff(Engine, "privacy-officer"));
    }

    private static JsonObject Body(TestTenant tenant, string right, string email, string language)
    {
        var body = Submissions.Valid(tenant.Slug, right);
        body["subject"]!["email"] = email;
        body["subject"]!["name"] = "Иван Петров";
        // A subject in France writing to a Russian operator: the organisation's law decides, never the subject's location.
        (body["language"], body["jurisdiction"]) = (language, "FR");
        return body;
    }

    private static async Task<string> SubmitAsync(TestTenant tenant, string right, string email, string language) =>
        (string)(await SubmitAsync(Body(tenant, right, email, language)))["reference"]!;

    private static async Task<JsonObject> SubmitAsync(JsonObject body)
    {
        var response = await Engine.CreateClient().SendAsync(Submissions.Post(body));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        return await response.ReadObjectAsync();
    }

    // The letter as the subject downloads it (portability's default part is the archive, which holds the letter).
    private static async Task<byte[]> LetterAsync(string reference, string email)
    {
        var (content, mediaType) = await SubjectDownload.DownloadAsync(Engine, reference, email);
        if (mediaType != "application/zip")
            return content;
        using var zip = new ZipArchive(new MemoryStream(content));
        using var letter = new MemoryStream();
        await using (var entry = zip.GetEntry("letter.pdf")!.Open())
            await entry.CopyToAsync(letter);
        return letter.ToArray();
    }

    private static string Steps(JsonObject deadline) =>
        string.Join(" | ", deadline["steps"]!.AsArray().Select(s => (string)s!["text"]!));

    // Monday to Friday after the day of receipt, up to the due date: a period of N working days ends on or after the N-th.
    private static int WeekdaysAfter(DateOnly from, DateOnly to) => Enumerable.Range(1, Math.Max(0, to.DayNumber - from.DayNumber))
        .Select(from.AddDays).Count(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
}
