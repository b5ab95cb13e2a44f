using System.Net;
using DsarEngine.Server.Packs;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Inbox;

// The letter previewed in the request page: the preview response alone may be framed, by the inbox's own origin only;
// the inbox may frame itself and nothing else; every other response stays unframeable.
public sealed class LetterPreviewTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static async Task<(TestTenant Tenant, string Reference, Guid Letter, Guid Archive)> WithDocumentsAsync()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "access");
        var request = (await Engine.Services.GetRequiredService<RequestStore>().FindAsync(tenant.Id, reference, CancellationToken.None))!;
        var packs = Engine.Services.GetRequiredService<PackStore>();
        var (letter, _) = await packs.SaveAsync(tenant.Id, request.Id, "letter", "en", "%PDF-1.7 test letter"u8.ToArray(),
            request.CreatedAt, CancellationToken.None);
        var (archive, _) = await packs.SaveAsync(tenant.Id, request.Id, "portability-zip", "en", "PK test"u8.ToArray(),
            request.CreatedAt, CancellationToken.None);
        return (tenant, reference, letter, archive);
    }

    private static string Csp(HttpResponseMessage response) => string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));

    private static string FrameOptions(HttpResponseMessage response) => string.Join(" ", response.Headers.GetValues("X-Frame-Options"));

    [Test]
    public async Task The_letter_preview_is_an_inline_pdf_only_the_inbox_itself_may_frame()
    {
        var (tenant, reference, letter, _) = await WithDocumentsAsync();
        var auditor = await InboxSession.SignedInAsync(Engine, tenant, StaffRoles.Auditor);
        var preview = await auditor.GetAsync($"/inbox/requests/{reference}/documents/{letter}/preview");
        var download = await auditor.GetAsync($"/inbox/requests/{reference}/documents/{letter}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(preview.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(preview.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(preview.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("inline"));
            Assert.That(Csp(preview), Does.Contain("frame-ancestors 'self'").And.Contain("default-src 'none'")
                .And.Not.Contain("frame-ancestors 'none'").And.Not.Contain("script-src"));
            Assert.That(FrameOptions(preview), Is.EqualTo("SAMEORIGIN"));
            Assert.That(Csp(download), Does.Contain("frame-ancestors 'none'"), "the download is never framed");
            Assert.That(FrameOptions(download), Is.EqualTo("DENY"));
        }
    }

    [Test]
    public async Task An_archive_is_never_previewed_and_a_stranger_cannot_preview_a_letter()
    {
        var (tenant, reference, letter, archive) = await WithDocumentsAsync();
        var own = await InboxSession.SignedInAsync(Engine, tenant, StaffRoles.PrivacyOfficer);
        var stranger = await InboxSession.SignedInAsync(Engine, await TestTenant.CreateAsync(Engine), StaffRoles.Admin);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((await own.GetAsync($"/inbox/requests/{reference}/documents/{archive}/preview")).StatusCode,
                Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await stranger.GetAsync($"/inbox/requests/{reference}/documents/{letter}/preview")).StatusCode,
                Is.EqualTo(HttpStatusCode.NotFound));
        }
    }

    [Test]
    public async Task The_request_page_frames_the_latest_letter_with_a_title_and_may_frame_only_itself()
    {
        var (tenant, reference, letter, _) = await WithDocumentsAsync();
        var officer = await InboxSession.SignedInAsync(Engine, tenant, StaffRoles.PrivacyOfficer);
        var page = await officer.GetAsync($"/inbox/requests/{reference}");
        var html = await page.Content.ReadAsStringAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(html, Does.Contain($"src=\"/inbox/requests/{reference}/documents/{letter}/preview\"")
                .And.Contain("title=\"Preview of the response letter (PDF)\""));
            Assert.That(html, Does.Contain("<svg").And.Contain("role=\"img\"").And.Contain("aria-describedby=\"workflow-steps\""));
            Assert.That(Csp(page), Does.Contain("frame-src 'self'").And.Contain("frame-ancestors 'none'").And.Contain("object-src 'none'")
                .And.Contain("script-src 'self';"));
            Assert.That(FrameOptions(page), Is.EqualTo("DENY"));
        }
    }
}
