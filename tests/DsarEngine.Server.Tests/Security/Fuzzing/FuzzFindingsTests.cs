using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DsarEngine.Connectors;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Connectors.Http;
using DsarEngine.Server.SubjectForm;
using DsarEngine.Server.Tests.Portal;
using DsarEngine.Server.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Security.Fuzzing;

// One test per fault the hostile-input harness found (PublicEndpointFuzzTests), each failing without its fix.
public sealed class FuzzFindingsTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(status), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
            Assert.That((int?)JsonNode.Parse(body)?["status"], Is.EqualTo((int)status));
        }
    }

    [Test]
    public async Task An_OpenAPI_document_that_does_not_exist_is_a_problem_json_404_that_does_not_echo_its_name()
    {
        using var client = Engine.CreateClient();
        var missing = await client.GetAsync("/openapi/%3Cscript%3E.json");
        var real = await client.GetAsync("/openapi/v1.json");
        await AssertProblemAsync(missing, HttpStatusCode.NotFound);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await missing.Content.ReadAsStringAsync(), Does.Not.Contain("<script>"));
            Assert.That(real.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [TestCase("[::1")]
    [TestCase("localhost:99999")]
    [TestCase("bad host")]
    public async Task A_Host_header_that_is_not_a_host_is_a_400_problem_on_the_subjects_pages_not_a_500(string host)
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        using var client = Engine.CreateClient();
        using var message = new HttpRequestMessage(HttpMethod.Get, $"/form/{tenant.Slug}");
        message.Headers.TryAddWithoutValidation("Host", host);
        await AssertProblemAsync(await client.SendAsync(message), HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task A_portal_post_the_form_reader_cannot_read_gets_the_expired_form_page_and_changes_nothing()
    {
        var subject = await PortalSubject.SubmitAsync(Engine);
        await subject.WaitForAsync("identity"); // the workflow's own entries are written: what follows is the post's doing
        var browser = await subject.EnterAsync(Engine);
        var journal = (await subject.EntriesAsync()).Count;
        // More fields than ASP.NET Core's form reader allows (1,024), as a hostile client sends them.
        var fields = string.Join('&', Enumerable.Range(0, 2_000).Select(i => $"f{i}=x"));
        using var content = new StringContent(fields, Encoding.UTF8, "application/x-www-form-urlencoded");
        var response = await browser.Client.PostAsync($"{subject.Page}/reply", content);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That((await subject.EntriesAsync()).Count, Is.EqualTo(journal));
        }
    }

    [Test]
    public async Task An_identity_proof_form_with_more_fields_than_the_reader_allows_is_a_400_problem()
    {
        var subject = await PortalSubject.SubmitAsync(Engine);
        using var client = Engine.CreateClient();
        var fields = string.Join('&', Enumerable.Range(0, 2_000).Select(i => $"code{i}=123456"));
        using var content = new StringContent(fields, Encoding.UTF8, "application/x-www-form-urlencoded");
        await AssertProblemAsync(await client.PostAsync($"/api/v1/requests/{subject.Reference}/identity", content),
            HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task A_NUL_escaped_in_a_JSON_submission_is_a_400_problem_and_nothing_is_stored()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var body = Submissions.Valid(tenant.Slug);
        body["subject"]!["name"] = "Ada\u0000Lovelace";
        using var client = Engine.CreateClient();
        await AssertProblemAsync(await client.SendAsync(Submissions.Post(body)), HttpStatusCode.BadRequest);
        Assert.That(await Rows.CountAsync(Engine, "requests", tenant.Id), Is.Zero);
    }

    [Test]
    public async Task A_NUL_in_the_hosted_forms_fields_is_refused_with_the_forms_page_and_nothing_is_stored()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        // A token served a minute ago: past the minimum fill time of the shared engine.
        var token = Engine.Services.GetRequiredService<FormToken>().Issue(tenant.Slug, TimeProvider.System.GetUtcNow().AddMinutes(-1));
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "token" }, { new StringContent("access"), "right" },
            { new StringContent(Submissions.UniqueEmail("nul")), "email" }, { new StringContent("Ada\u0000Lovelace"), "name" },
        };
        using var client = Engine.CreateClient();
        var response = await client.PostAsync($"/form/{tenant.Slug}", content);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(await Rows.CountAsync(Engine, "requests", tenant.Id), Is.Zero);
        }
    }

    // A signed callback (or a synchronous answer) whose export has no categories, a category without records or a null
    // record: a failed task with bad-response, where it crashed the endpoint with a 500 before.
    [TestCase("""{"connector":"c","system":"S"}""")]
    [TestCase("""{"connector":"c","system":"S","categories":[{"category":"profile"}]}""")]
    [TestCase("""{"connector":"c","system":"S","categories":[null]}""")]
    [TestCase("""{"connector":"c","system":"S","categories":[{"category":"profile","records":[null]}]}""")]
    public void An_export_missing_its_lists_is_a_bad_response_not_a_crash(string export)
    {
        var task = new TaskReference(Guid.NewGuid(), Guid.NewGuid(), "org", "c", "access", "k", 1);
        var result = System.Text.Json.JsonSerializer.Deserialize<HttpTaskResult>(
            $$"""{"outcome":"done","summary":"Exported.","export":{{export}}}""", ExportUpload.Json)!;
        var (chunks, reply) = HttpResultPublisher.Replies(task, result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(chunks, Is.Empty);
            Assert.That(reply, Is.TypeOf<ConnectorTaskFailed>());
            Assert.That(((ConnectorTaskFailed)reply).Code, Is.EqualTo("bad-response"));
        }
    }
}
