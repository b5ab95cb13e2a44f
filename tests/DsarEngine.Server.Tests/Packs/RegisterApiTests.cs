using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Packs;

public sealed class RegisterApiTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task An_admin_stores_a_sample_organisations_register_and_staff_read_it_back()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "organisations", "crm-vendor.json")))!;
        var put = await tenant.Staff(Engine, "admin").PutAsJsonAsync("/api/v1/staff/register", document);
        var read = await tenant.Staff(Engine, "auditor").GetFromJsonAsync<JsonObject>("/api/v1/staff/register");
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());
        Assert.That((string)read!["controller"]!["name"]!, Is.EqualTo("Pipeline CRM LLC (ООО «Пайплайн CRM»)"));
        Assert.That((string)read["authority"]!["name"]!, Does.Contain("Roskomnadzor"));
    }

    // The seed AstraDesk still cites the Privacy Shield: a letter must not tell the subject their data travels under it.
    [Test]
    public async Task A_transfer_under_the_annulled_privacy_shield_is_refused_and_the_register_is_unchanged()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "organisations", "crm-vendor.json")))!;
        document["transfers"] = new JsonArray(
            new JsonObject { ["recipient"] = "OVH", ["country"] = "France", ["safeguard"] = "Adequacy not needed (EEA)" },
            new JsonObject { ["recipient"] = "OpenAI, L.L.C.", ["country"] = "United States", ["safeguard"] = "EU-US Privacy Shield" });
        var put = await tenant.Staff(Engine, "admin").PutAsJsonAsync("/api/v1/staff/register", document);
        var after = await tenant.Staff(Engine, "auditor").GetFromJsonAsync<JsonObject>("/api/v1/staff/register");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            var errors = (await put.ReadObjectAsync())["errors"]!.AsObject();
            Assert.That(errors.Select(e => e.Key), Is.EqualTo(new[] { "transfers[1].safeguard" }));
            Assert.That(errors["transfers[1].safeguard"]!.ToJsonString(), Does.Contain("C-311/18"));
            Assert.That((string)after!["controller"]!["name"]!, Is.EqualTo("Helpdesk Cloud SAS"), "the register it had is unchanged");
        }
    }

    [Test]
    public async Task A_register_missing_the_facts_a_letter_states_is_refused_field_by_field_and_only_admins_write()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var bad = await tenant.Staff(Engine, "admin").PutAsJsonAsync("/api/v1/staff/register", new
        {
            controller = new { name = "" },
            purposes = new[] { new { purpose = "Marketing", legalBasis = "", categories = Array.Empty<string>() } },
            recipients = Array.Empty<object>(), retention = Array.Empty<object>(), transfers = Array.Empty<object>(),
            sources = Array.Empty<object>(),
            authority = new { name = "" },
        });
        var byAgent = await tenant.Staff(Engine, "agent").PutAsJsonAsync("/api/v1/staff/register", new { });
        var after = await tenant.Staff(Engine, "agent").GetFromJsonAsync<JsonObject>("/api/v1/staff/register");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await bad.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key),
                Is.EquivalentTo(new[] { "controller.name", "authority.name", "purposes", "retention" }));
            Assert.That(byAgent.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((string)after!["controller"]!["name"]!, Is.EqualTo("Helpdesk Cloud SAS"), "the register it had is unchanged");
        }
    }

    [Test]
    public async Task A_french_translation_of_the_register_writes_french_letters_and_english_ones_keep_the_default()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var admin = tenant.Staff(Engine, "admin");
        var french = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "organisations", "helpdesk-saas.fr.json")))!;
        var put = await admin.PutAsJsonAsync("/api/v1/staff/register/fr", french);
        var unsupported = await admin.PutAsJsonAsync("/api/v1/staff/register/de", french);
        var readBack = await admin.GetFromJsonAsync<JsonObject>("/api/v1/staff/register/fr");
        var missing = await admin.GetAsync("/api/v1/staff/register/en");
        var staff = tenant.Staff(Engine, "privacy-officer");
        var frenchLetter = await LetterAsync(tenant, staff, "fr");
        var englishLetter = await LetterAsync(tenant, staff, "en");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());
            Assert.That(unsupported.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(unsupported.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That((string)readBack!["purposes"]![0]!["purpose"]!, Does.StartWith("Fourniture"));
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound),
                "no English translation: the default register serves English letters");
            Assert.That(frenchLetter, Does.Contain("Fourniture du service d'assistance").And.Contain("sous-traitant")
                .And.Not.Contain("Providing the helpdesk service"));
            Assert.That(englishLetter, Does.Contain("Providing the helpdesk service").And.Not.Contain("Fourniture du service"));
        }
    }

    // An access request in the given language, with no connector registered: identity, assessment, then the letter.
    private static async Task<string> LetterAsync(TestTenant tenant, HttpClient staff, string language)
    {
        var body = Submissions.Valid(tenant.Slug, "access");
        body["language"] = language;
        var reference = (string)(await (await Engine.CreateClient().SendAsync(Submissions.Post(body))).ReadObjectAsync())["reference"]!;
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("identity"), "the identity step");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/identity", new { evidence = "Matched the account e-mail." });
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:assess"), "the assessment");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions", new { step = "assess", outcome = "proceed" });
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:review"),
            "the review of the letter");
        var pdf = await staff.GetAsync($"/api/v1/staff/requests/{reference}/pack/letter.pdf");
        return (await Poppler.ReadAsync(await pdf.Content.ReadAsByteArrayAsync())).Text;
    }
}
