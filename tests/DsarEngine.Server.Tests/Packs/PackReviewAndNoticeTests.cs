using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Packs;

// The reviewer approves the very letter the subject will get (rendered before the review), and the notices sent while
// a request runs (identity-proof request, extension) are letters too, kept as documents of the request.
public sealed class PackReviewAndNoticeTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task The_reviewer_previews_the_letter_rejects_it_and_approves_the_one_rendered_again_before_the_subject_hears()
    {
        await using var connector = await ExportingConnector.StartAsync($"rev-{Guid.NewGuid():N}"[..14]);
        var tenant = await TestTenant.CreateAsync(Engine);
        await connector.ServeAsync(tenant.Slug);
        await RequestDriver.RegisterAsync(tenant.Staff(Engine, "admin"), connector.Name,
            new { displayName = "Orders", actions = new[] { "export" } });
        var staff = tenant.Staff(Engine, "privacy-officer");
        var email = Submissions.UniqueEmail("rev");
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "access", email);
        await RequestDriver.ToFanOutAsync(staff, reference);
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:review"),
            "the review, after the pack");

        var preview = await staff.GetAsync($"/api/v1/staff/requests/{reference}/pack/letter.pdf");
        var (previewText, _, _) = await Poppler.ReadAsync(await preview.Content.ReadAsByteArrayAsync());
        // What the engine has written so far, sent or not (the admins' view of the outgoing mail).
        var mailBeforeApproval = await Templates(tenant.Staff(Engine, "admin"), email);
        var rejected = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions",
            new { step = "review", outcome = "reject", reason = "The orders table needs its note." });
        var attention = await TestData.Workflows.WaitForAsync(staff, reference, v => (string)v["status"]! == "needs-attention",
            "the rejected review");
        Assert.That(
            (await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/retry", new { reason = "Register fixed." })).StatusCode,
            Is.EqualTo(HttpStatusCode.OK));
        await TestData.Workflows.WaitForAsync(staff, reference,
            v => TestData.Workflows.WaitingFor("decision:review")(v) && (string)v["status"]! != "needs-attention",
            "the review of the new letter");
        var documents = await staff.GetFromJsonAsync<JsonArray>($"/api/v1/staff/requests/{reference}/documents");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions", new { step = "review", outcome = "approve" });
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.Closed, "delivery after approval");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(preview.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(previewText, Does.Contain(reference).And.Contain("Orders"));
            Assert.That(mailBeforeApproval, Does.Not.Contain("response-ready"), "nothing is sent before the reviewer approves");
            Assert.That(rejected.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string?)attention["lastError"], Does.Contain("orders table"));
            Assert.That(documents!.Select(d => (string)d!["kind"]!).Count(k => k == "letter"), Is.EqualTo(2),
                "the rejected letter and the one rendered again");
            Assert.That((await MailCatcher.WaitForAsync(email, "response-ready")).Subject, Does.Contain(reference),
                "the subject hears once approved");
        }
    }

    [Test]
    public async Task A_request_by_post_gets_its_identity_proof_request_and_its_extension_as_letters_in_its_language()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var staff = tenant.Staff(Engine, "privacy-officer");
        var body = Submissions.Valid(tenant.Slug, "erasure");
        body["channel"] = "post";
        body["subject"] = new JsonObject
        {
            ["name"] = "Jeanne Dupré",
            ["identities"] = new JsonArray(new JsonObject { ["type"] = "postal-address", ["value"] = "1 rue de la Paix, Paris" }),
        };
        var logged = await staff.SendAsync(Submissions.Post(body, path: "/api/v1/staff/requests"));
        Assert.That(logged.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await logged.Content.ReadAsStringAsync());
        var reference = (string)(await logged.ReadObjectAsync())["reference"]!;
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("identity"), "the identity step");
        var extended = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/extension",
            new { reason = "Quarante systèmes à interroger, dont des archives papier." });
        Assert.That(extended.StatusCode, Is.EqualTo(HttpStatusCode.OK), await extended.Content.ReadAsStringAsync());
        var documents = await DocumentsAsync(staff, reference, "identity-request", "extension-notice");
        var identity = await ReadAsync(staff, documents, "identity-request");
        var extension = await ReadAsync(staff, documents, "extension-notice");
        var deadline = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/deadline");
        var journal = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/journal");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(identity, Does.Contain("merci de confirmer qu'elle émane de vous").And.Contain(reference)
                .And.Contain("article 12, paragraphe 6, du RGPD").And.Contain("Jeanne Dupré"));
            Assert.That(identity, Does.Contain("numéro de client").And.Not.Contain("Ouvrez le lien"),
                "no e-mail was sent, so the letter offers none");
            Assert.That(identity, Does.Not.Contain("suspendu"), "asking for proof does not stop the clock; only a stated doubt does");
            Assert.That(extension, Does.Contain("nous avons besoin de plus de temps")
                .And.Contain("Quarante systèmes à interroger, dont des archives papier."));
            Assert.That(extension, Does.Contain(FrenchDate((string)deadline!["effectiveDue"]!)), "the new date, in the subject's language");
            Assert.That(journal!["entries"]!.AsArray().Where(e => (string)e!["kind"]! == "notice-rendered")
                    .Select(e => (string)e!["data"]!["kind"]!),
                Is.EquivalentTo(new[] { "identity-request", "extension-notice" }));
        }
    }

    [Test]
    public async Task A_request_by_e_mail_gets_its_identity_proof_request_by_e_mail_only_and_its_extension_as_a_letter_too()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var staff = tenant.Staff(Engine, "privacy-officer");
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "access");
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("identity"), "the identity step");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/extension", new { reason = "Many systems." });
        var documents = await DocumentsAsync(staff, reference, "extension-notice");
        await using var db = new Npgsql.NpgsqlConnection(Engine.ConnectionString);
        var commands = await Dapper.SqlMapper.QueryAsync<string>(db,
            "SELECT o.body->>'kind' FROM outbox o JOIN requests r ON r.id = o.request_id "
                + "WHERE r.reference = @reference AND o.message_type LIKE '%RenderNotice'", new { reference });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(commands, Is.EqualTo(new[] { "extension-notice" }),
                "the identity e-mail is the notice; no letter is rendered for it");
            Assert.That(documents.Select(d => (string)d!["kind"]!), Is.EqualTo(new[] { "extension-notice" }));
        }
    }

    private static string FrenchDate(string iso) =>
        DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            .ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));

    private static async Task<JsonArray> DocumentsAsync(HttpClient staff, string reference, params string[] kinds)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        JsonArray? documents = null;
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            documents = await staff.GetFromJsonAsync<JsonArray>($"/api/v1/staff/requests/{reference}/documents");
            if (kinds.All(k => documents!.Any(d => (string)d!["kind"]! == k)))
                return documents!;
            await Task.Delay(100);
        }
        Assert.Fail($"Documents {string.Join(", ", kinds)} not rendered: {documents?.ToJsonString()}");
        return [];
    }

    private static async Task<string> ReadAsync(HttpClient staff, JsonArray documents, string kind)
    {
        var response = await staff.GetAsync((string)documents.First(d => (string)d!["kind"]! == kind)!["url"]!);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
        return (await Poppler.ReadAsync(await response.Content.ReadAsByteArrayAsync())).Text;
    }

    private static async Task<string[]> Templates(HttpClient admin, string email) =>
        [.. (await admin.GetFromJsonAsync<JsonArray>($"/api/v1/staff/mailbox?to={Uri.EscapeDataString(email)}"))!
            .Select(m => (string)m!["template"]!)];
}
