using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.Packs;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Seeds;

// The privacy-tools sample (samples/organisations/privacy-tools-vendor.json, seed 001 Dastra), end to end with its own data:
// "the right to define post-mortem instructions" (Loi Informatique et Libertés art. 85), answered by a letter from its
// register; "within one month of receipt (extendable by two months in case of complexity ...)", with the reasons told.
public sealed class PrivacyToolsVendorTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task Post_mortem_instructions_are_recorded_and_answered_by_the_vendors_letter()
    {
        var tenant = await SampleOrganisations.CreateAsync(Engine, "privacy-tools-vendor");
        var staff = tenant.Staff(Engine, "privacy-officer");
        var email = Submissions.UniqueEmail("jeanne");
        var body = Submissions.Valid(tenant.Slug, "post-mortem-instructions");
        body["subject"]!["email"] = email;
        body["language"] = "en";
        body.Remove("details");
        body["postMortem"] = new JsonObject
        {
            ["kind"] = "instructions", ["action"] = "erase", ["scope"] = new JsonArray("professional-contact-details"),
        };
        var submitted = await Engine.CreateClient().SendAsync(Submissions.Post(body));
        Assert.That(submitted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await submitted.Content.ReadAsStringAsync());
        var reference = (string)(await submitted.ReadObjectAsync())["reference"]!;

        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("identity"), "the identity step");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/identity", new { evidence = "Matched the account e-mail." });
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:assess"), "the assessment");
        var decided = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions",
            new { step = "assess", outcome = "proceed" });
        Assert.That(decided.StatusCode, Is.EqualTo(HttpStatusCode.OK), await decided.Content.ReadAsStringAsync());
        await RequestDriver.ApproveUntilClosedAsync(staff, reference);
        var record = await staff.GetFromJsonAsync<JsonArray>($"/api/v1/staff/requests/{reference}/post-mortem");
        var (letter, _, _) = await Poppler.ReadAsync((await SubjectDownload.DownloadAsync(Engine, reference, email)).Content);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)record!.Single()!["action"]!, Is.EqualTo("erase"));
            Assert.That(letter, Does.Contain("Your instructions for your data after your death").And.Contain("Consentry SAS"));
            Assert.That(letter, Does.Contain("https://consentry.example/dpo").Or.Contain("contact@consentry.example"));
            Assert.That(letter, Does.Contain("Commission nationale de l'informatique et des libertés (CNIL)"));
        }
    }

    [Test]
    public async Task An_extension_by_two_months_tells_the_subject_the_reasons_and_the_new_date()
    {
        var tenant = await SampleOrganisations.CreateAsync(Engine, "privacy-tools-vendor");
        var staff = tenant.Staff(Engine, "privacy-officer");
        var email = Submissions.UniqueEmail("paul");
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "access", email);
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("identity"), "the identity step");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/identity", new { evidence = "Matched the account e-mail." });
        await TestData.Workflows.WaitForAsync(staff, reference, v => (string?)v["waitingFor"] != "identity", "identity verified");
        var before = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}");
        var extended = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/extension",
            new { reason = "Prospecting data sits in four CRMs and two enrichment tools." });
        Assert.That(extended.StatusCode, Is.EqualTo(HttpStatusCode.OK), await extended.Content.ReadAsStringAsync());
        var after = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}");
        var notice = await MailCatcher.WaitForAsync(email, "deadline-extended");
        var (first, extendedDue) = (DateOnly.Parse((string)before!["deadline"]!["effectiveDue"]!),
            DateOnly.Parse((string)after!["deadline"]!["effectiveDue"]!));
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)after["regime"]!, Is.EqualTo("gdpr"));
            Assert.That(extendedDue, Is.InRange(first.AddMonths(2).AddDays(-4), first.AddMonths(2).AddDays(4)),
                "two further months (Art. 12(3)), give or take the days off at either end");
            Assert.That(notice.Body, Does.Contain("Prospecting data sits in four CRMs").And.Contain("deux mois"),
                "the reasons, in the subject's French");
        }
    }
}
