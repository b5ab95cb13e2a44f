using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Inbox.Request;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;

namespace DsarEngine.Server.Tests.SubjectForm;

// Legal review row 66 (GDPR Art. 5(1)(c), EDPB Guidelines 01/2022 §79): a copy of an identity document is deleted once
// checked. Staff delete a document the subject sent, with a reason; the journal keeps its digest, who and why; nothing
// else of the request changes, and a refused call deletes nothing.
public sealed class DocumentDeletionTests : FormTestBase
{
    private static string Reference(FormClient.Page page) => page.Document.QuerySelector("#reference")!.TextContent.Trim();

    private static async Task<(TestTenant Tenant, string Reference, Guid Document)> SubmittedWithIdAsync()
    {
        var tenant = await TenantAsync();
        var page = await FillAndSendAsync(NewClient(), tenant, Access(),
            [("documents", "passport.pdf", "application/pdf", UploadCheckTests.Pdf)]);
        var reference = Reference(page);
        var listed = await tenant.Staff(Engine, StaffRoles.Agent)
            .GetFromJsonAsync<JsonArray>($"/api/v1/staff/requests/{reference}/subject-documents");
        return (tenant, reference, Guid.Parse((string)listed!.Single()!["id"]!));
    }

    private static Task<long> DocumentsAsync(TestTenant tenant) => Rows.CountAsync(Engine, "subject_documents", tenant.Id);

    [Test]
    public async Task A_checked_identity_document_is_deleted_and_the_journal_keeps_its_digest_who_and_why()
    {
        var (tenant, reference, document) = await SubmittedWithIdAsync();
        var staff = tenant.Staff(Engine, StaffRoles.PrivacyOfficer);
        var digest = await Rows.ScalarAsync<string>(Engine, "SELECT sha256 FROM subject_documents WHERE id = @document", new { document });

        var deleted = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/subject-documents/{document}/delete",
            new { reason = "Identity checked against the passport; copy no longer needed." });
        var again = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/subject-documents/{document}/delete",
            new { reason = "twice" });
        var entry = await Rows.ScalarAsync<string>(Engine,
            "SELECT data::text FROM request_journal WHERE tenant_id = @t AND kind = 'subject-document-deleted'", new { t = tenant.Id });
        var journal = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/journal");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(await DocumentsAsync(tenant), Is.Zero);
            Assert.That((await staff.GetAsync($"/api/v1/staff/requests/{reference}/subject-documents/{document}")).StatusCode,
                Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(entry, Does.Contain(digest).And.Contain("Identity checked against the passport").And.Contain(document.ToString()));
            Assert.That((bool?)journal!["verified"], Is.True, "the chain still verifies");
        }
    }

    [Test]
    public async Task Without_a_reason_as_an_auditor_or_from_another_organisation_nothing_is_deleted()
    {
        var (tenant, reference, document) = await SubmittedWithIdAsync();
        var other = await TestTenant.CreateAsync(Engine);
        var path = $"/api/v1/staff/requests/{reference}/subject-documents/{document}/delete";

        var blank = await tenant.Staff(Engine, StaffRoles.PrivacyOfficer).PostAsJsonAsync(path, new { reason = " " });
        var auditor = await tenant.Staff(Engine, StaffRoles.Auditor).PostAsJsonAsync(path, new { reason = "audit" });
        var stranger = await other.Staff(Engine, StaffRoles.Admin).PostAsJsonAsync(path, new { reason = "not ours" });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(blank.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(blank.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(auditor.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(stranger.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await DocumentsAsync(tenant), Is.EqualTo(1));
            Assert.That(await Rows.ScalarAsync<long>(Engine,
                "SELECT count(*) FROM request_journal WHERE kind = 'subject-document-deleted' AND tenant_id IN (@a, @b)",
                new { a = tenant.Id, b = other.Id }), Is.Zero);
        }
    }

    // The request page's "Delete the copy": the same rule and store, the role asked when it runs.
    [Test]
    public async Task On_the_request_page_an_officer_deletes_the_copy_and_an_auditor_an_unassigned_agent_or_no_reason_cannot()
    {
        var (tenant, reference, document) = await SubmittedWithIdAsync();
        DocumentActions As(string role) => InboxPeople.Service<DocumentActions>(Engine, InboxPeople.Person(tenant, role));

        var auditor = await As(StaffRoles.Auditor).DeleteAsync(reference, document, "audit", CancellationToken.None);
        var agent = await As(StaffRoles.Agent).DeleteAsync(reference, document, "not mine", CancellationToken.None);
        var blank = await As(StaffRoles.PrivacyOfficer).DeleteAsync(reference, document, "  ", CancellationToken.None);
        var remaining = await DocumentsAsync(tenant);
        var officer = await As(StaffRoles.PrivacyOfficer).DeleteAsync(reference, document, "Identity checked.", CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(new[] { auditor.Succeeded, agent.Succeeded, blank.Succeeded }, Is.All.False);
            Assert.That(blank.Message, Does.Contain("A reason is required"));
            Assert.That(remaining, Is.EqualTo(1), "nothing was deleted by the refused calls");
            Assert.That(officer.Succeeded, Is.True, officer.Message);
            Assert.That(await DocumentsAsync(tenant), Is.Zero);
        }
    }
}
