using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.SubjectForm;

// POST /form/{tenant}: a person's submission becomes a request with its documents, sealed; every refusal stores nothing
// and says, on the form, what to do.
public sealed class FormSubmissionTests : FormTestBase
{
    private static readonly (string, string, string, byte[]) PdfDocument = ("documents", "bill.pdf", "application/pdf", UploadCheckTests.Pdf);

    private static string Reference(FormClient.Page page) => page.Document.QuerySelector("#reference")!.TextContent.Trim();

    [Test]
    public async Task A_valid_submission_creates_the_request_and_its_documents_sealed_at_rest()
    {
        var tenant = await TenantAsync();
        var page = await FillAndSendAsync(NewClient(), tenant, Access(), [PdfDocument, ("documents", "id.png", "image/png", UploadCheckTests.Png)]);
        Assert.That(page.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var reference = Reference(page);
        var staff = tenant.Staff(Engine, "agent");
        var listed = await staff.GetFromJsonAsync<JsonArray>($"/api/v1/staff/requests/{reference}/subject-documents");
        var pdf = listed!.Single(d => (string)d!["mediaType"]! == "application/pdf")!;
        var download = await staff.GetAsync((string)pdf["url"]!);
        var sealedBytes = await Rows.ScalarAsync<byte[]>(Engine, "SELECT sealed FROM subject_documents WHERE id = @id",
            new { id = Guid.Parse((string)pdf["id"]!) });
        var request = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Document.QuerySelector("h1")?.TextContent, Is.EqualTo("Your request has been sent"));
            Assert.That((string)request!["channel"]!, Is.EqualTo("web-form"));
            Assert.That(listed, Has.Count.EqualTo(2));
            Assert.That(await download.Content.ReadAsByteArrayAsync(), Is.EqualTo(UploadCheckTests.Pdf));
            Assert.That(download.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(sealedBytes, Is.Not.EqualTo(UploadCheckTests.Pdf));
            Assert.That(sealedBytes.AsSpan().IndexOf("%PDF"u8), Is.EqualTo(-1), "the plain document is not in the database");
            Assert.That(await Rows.ScalarAsync<long>(Engine,
                "SELECT count(*) FROM request_journal WHERE tenant_id = @t AND kind = 'subject-document-read'", new { t = tenant.Id }),
                Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Each_right_s_own_fields_reach_the_request()
    {
        var tenant = await TenantAsync();
        var client = NewClient();
        var rectification = await FillAndSendAsync(client, tenant, [("right", "rectification"), ("email", "r@example.org"),
            ("change-0-field", "city"), ("change-0-value", "Lyon"), ("change-2-field", "name"), ("change-2-value", "Ada King"),
            ("objection-purpose", "profiling")]);
        var objection = await FillAndSendAsync(client, tenant, [("right", "objection"), ("email", "o@example.org"),
            ("objection-purpose", "ai-processing"), ("consent-purpose", "analytics")]);
        var consent = await FillAndSendAsync(client, tenant, [("right", "consent-withdrawal"), ("email", "c@example.org"),
            ("consent-purpose", "direct-marketing")]);
        var agent = await FillAndSendAsync(client, tenant, [.. Access("child@example.org"), ("acting", "yes"),
            ("representative-relationship", "parent"), ("representative-name", "Anne Parent"), ("representative-email", "anne@example.org")],
            [("proof", "birth.pdf", "application/pdf", UploadCheckTests.Pdf)]);
        async Task<(string Purpose, string Changes)> Stored(FormClient.Page page) => await Rows.SingleAsync<(string, string)>(Engine,
            "SELECT coalesce(purpose, ''), changes::text FROM requests WHERE reference = @r", new { r = Reference(page) });
        var agentId = await Rows.ScalarAsync<Guid>(Engine, "SELECT id FROM requests WHERE reference = @r", new { r = Reference(agent) });
        using (Assert.EnterMultipleScope())
        {
            Assert.That((await Stored(rectification)).Changes, Does.Contain("\"city\"").And.Contain("Lyon").And.Contain("Ada King"));
            Assert.That((await Stored(rectification)).Purpose, Is.Empty, "another right's section does not travel");
            Assert.That((await Stored(objection)).Purpose, Is.EqualTo("ai-processing"));
            Assert.That((await Stored(consent)).Purpose, Is.EqualTo("direct-marketing"));
            Assert.That(await Rows.SingleAsync<(string, string, string)>(Engine,
                "SELECT relationship, name, email FROM request_representatives WHERE request_id = @agentId", new { agentId }),
                Is.EqualTo(("parent", "Anne Parent", "anne@example.org")));
            Assert.That(await Rows.ScalarAsync<string>(Engine, "SELECT kind FROM subject_documents WHERE request_id = @agentId", new { agentId }),
                Is.EqualTo("proof-of-authority"));
        }
    }

    [Test]
    public async Task Invalid_input_comes_back_with_an_error_summary_linked_to_each_field_every_value_kept_and_nothing_stored()
    {
        var tenant = await TenantAsync();
        var page = await FillAndSendAsync(NewClient(), tenant, [("right", "rectification"), ("email", "not-an-address"),
            ("name", "Ada Lovelace"), ("acting", "yes"), ("representative-name", "Anne")]);
        var summary = page.Document.QuerySelector(".error-summary");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(summary?.GetAttribute("role"), Is.EqualTo("alert"));
            Assert.That(summary?.QuerySelector("h2")?.TextContent, Is.EqualTo("There is a problem"));
            Assert.That(summary?.QuerySelectorAll("a").Select(a => a.GetAttribute("href")), Does.Contain("#proof"));
            Assert.That(page.Document.QuerySelector("#proof")?.GetAttribute("aria-invalid"), Is.EqualTo("true"));
            Assert.That(page.Document.QuerySelector("#proof")?.GetAttribute("aria-describedby"), Does.Contain("proof-error"));
            Assert.That(page.Document.QuerySelector("#name")?.GetAttribute("value"), Is.EqualTo("Ada Lovelace"));
            Assert.That(page.Document.QuerySelector("#representative-name")?.GetAttribute("value"), Is.EqualTo("Anne"));
            Assert.That(page.Document.QuerySelector("#right-rectification")?.HasAttribute("checked"), Is.True);
            Assert.That(await StoredAsync(tenant), Is.Zero);
            Assert.That(await StoredAsync(tenant, "mail_messages"), Is.Zero);
        }
        // Intake's own checks (the address's form, rectification's content) come back the same way once the proof is there.
        var again = await FillAndSendAsync(NewClient(), tenant, [("right", "rectification"), ("email", "not-an-address")]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(again.Response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(again.Document.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")),
                Is.SupersetOf(new[] { "#email", "#details" }));
            Assert.That(again.Document.QuerySelector("#email-error")?.TextContent, Does.Contain("name@example.com"));
            Assert.That(await StoredAsync(tenant), Is.Zero);
        }
    }

    [Test]
    public async Task A_filled_honeypot_is_refused_and_nothing_is_stored()
    {
        var tenant = await TenantAsync();
        var page = await FillAndSendAsync(NewClient(), tenant, [.. Access(), ("website", "https://spam.example")]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(page.Document.QuerySelector(".error-summary")?.TextContent, Does.Contain("nothing was stored"));
            Assert.That(await StoredAsync(tenant), Is.Zero);
        }
    }

    [Test]
    public async Task A_form_sent_faster_than_a_person_can_fill_it_is_refused()
    {
        var tenant = await TenantAsync();
        var client = NewClient();
        var form = await client.GetAsync($"/form/{tenant.Slug}?lang=fr");
        var page = await client.PostAsync($"/form/{tenant.Slug}?lang=fr", [.. Access(), ("token", form.Token!)]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(page.Document.QuerySelector(".error-summary")?.TextContent, Does.Contain("envoyé trop vite"));
            Assert.That(await StoredAsync(tenant), Is.Zero);
        }
    }

    [Test]
    public async Task An_expired_form_comes_back_with_the_answers_kept_and_sends_on_the_second_try()
    {
        var tenant = await TenantAsync();
        var client = NewClient();
        var form = await client.GetAsync($"/form/{tenant.Slug}");
        Clock.Advance(TimeSpan.FromMinutes(121));
        var expired = await client.PostAsync($"/form/{tenant.Slug}", [.. Access("late@example.org"), ("token", form.Token!)]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(expired.Response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(expired.Document.QuerySelector(".error-summary")?.TextContent, Does.Contain("open for a long time"));
            Assert.That(expired.Document.QuerySelector("#email")?.GetAttribute("value"), Is.EqualTo("late@example.org"));
            Assert.That(expired.Token, Is.Not.EqualTo(form.Token));
            Assert.That(await StoredAsync(tenant), Is.Zero);
        }
        Clock.Advance(TimeSpan.FromSeconds(5));
        var sent = await client.PostAsync($"/form/{tenant.Slug}", [.. Access("late@example.org"), ("token", expired.Token!)]);
        Assert.That(sent.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Sending_the_same_form_twice_gives_one_request()
    {
        var tenant = await TenantAsync();
        var client = NewClient();
        var form = await client.GetAsync($"/form/{tenant.Slug}");
        Clock.Advance(TimeSpan.FromSeconds(5));
        var first = await client.PostAsync($"/form/{tenant.Slug}", [.. Access(), ("token", form.Token!)], [PdfDocument]);
        var second = await client.PostAsync($"/form/{tenant.Slug}", [.. Access(), ("token", form.Token!)], [PdfDocument]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Reference(second), Is.EqualTo(Reference(first)));
            Assert.That(await StoredAsync(tenant), Is.EqualTo(1));
            Assert.That(await StoredAsync(tenant, "subject_documents"), Is.EqualTo(1));
        }
    }

    [TestCase("id.pdf", "application/pdf", "png", "is not what its name says")]
    [TestCase("tool.pdf", "application/pdf", "exe", "is not a PDF, PNG or JPEG")]
    [TestCase("big.pdf", "application/pdf", "oversize", "is larger than")]
    public async Task A_document_whose_content_is_refused_stores_nothing(string name, string type, string content, string message)
    {
        var tenant = await TenantAsync();
        var bytes = content switch
        {
            "png" => UploadCheckTests.Png,
            "exe" => UploadCheckTests.Exe,
            _ => [.. UploadCheckTests.Pdf, .. new byte[5000]],
        };
        var page = await FillAndSendAsync(NewClient(), tenant, Access(), [PdfDocument, ("documents", name, type, bytes)]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(page.Document.QuerySelector(".error-summary")?.TextContent, Does.Contain($"File 2 {message}"));
            Assert.That(await StoredAsync(tenant), Is.Zero);
            Assert.That(await StoredAsync(tenant, "subject_documents"), Is.Zero);
        }
    }

    [Test]
    public async Task More_documents_than_allowed_are_refused()
    {
        var tenant = await TenantAsync();
        var page = await FillAndSendAsync(NewClient(), tenant, Access(), Enumerable.Repeat(PdfDocument, 4));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(page.Document.QuerySelector(".error-summary")?.TextContent, Does.Contain("Attach at most 3 files"));
            Assert.That(await StoredAsync(tenant), Is.Zero);
        }
    }

    [Test]
    public async Task Past_its_budget_an_address_gets_a_page_saying_when_to_send_again_and_nothing_is_stored()
    {
        var tenant = await TenantAsync();
        var client = NewClient();
        var form = await client.GetAsync($"/form/{tenant.Slug}?lang=fr");
        var statuses = new List<HttpStatusCode>();
        FormClient.Page last = null!;
        for (var i = 0; i < 7; i++)
        {
            last = await client.PostAsync($"/form/{tenant.Slug}?lang=fr", [.. Access(), ("website", "x"), ("token", form.Token!)]);
            statuses.Add(last.Response.StatusCode);
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(statuses[^1], Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(statuses.Take(6), Is.All.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(last.Response.Headers.RetryAfter, Is.Not.Null);
            Assert.That(last.Document.QuerySelector("[role=alert]")?.TextContent, Does.Contain("Rien n’a été enregistré"));
            Assert.That(await StoredAsync(tenant), Is.Zero);
        }
    }

    [Test]
    public async Task A_body_that_is_not_a_form_gets_a_problem()
    {
        var tenant = await TenantAsync();
        var response = await NewClient().PostRawAsync($"/form/{tenant.Slug}", JsonContent.Create(new { right = "access" }));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(await StoredAsync(tenant), Is.Zero);
        }
    }
}
