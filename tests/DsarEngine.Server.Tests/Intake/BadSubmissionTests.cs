using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Intake;

// Every bad submission gets a precise application/problem+json answer and leaves no row behind.
public sealed class BadSubmissionTests
{
    private static EngineFactory Engine => SharedEngine.Engine;
    private TestTenant tenant = null!;

    [OneTimeSetUp]
    public async Task CreateTenant() => tenant = await TestTenant.CreateAsync(Engine);

    private static async Task<(HttpStatusCode Status, JsonObject Problem)> SendAsync(HttpContent content)
    {
        var response = await Engine.CreateClient().PostAsync("/api/v1/requests", content);
        Assert.That(response.ContentType()?.MediaType, Is.EqualTo("application/problem+json"));
        return (response.StatusCode, await response.ReadObjectAsync());
    }

    [TearDown]
    public async Task NothingWasStored()
    {
        Assert.That(await Rows.CountAsync(Engine, "requests", tenant.Id), Is.Zero);
        Assert.That(await Rows.CountAsync(Engine, "mail_messages", tenant.Id), Is.Zero);
    }

    [Test]
    public async Task Missing_fields_are_each_named()
    {
        var (status, problem) = await SendAsync(Submissions.Json(new JsonObject { ["tenant"] = tenant.Slug }));
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string)problem["type"]!, Is.EqualTo("urn:dsar:problem:validation"));
        Assert.That(problem["errors"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "right", "subject" }));
    }

    [Test]
    public async Task An_invalid_email_is_named()
    {
        var body = Submissions.Valid(tenant.Slug);
        body["subject"]!["email"] = "jeanne.example.org";
        var (_, problem) = await SendAsync(Submissions.Json(body));
        Assert.That((string)problem["errors"]!["subject.email"]![0]!, Is.EqualTo("Not a valid e-mail address."));
    }

    [Test]
    public async Task An_unknown_right_is_named()
    {
        var body = Submissions.Valid(tenant.Slug);
        body["right"] = "be-forgotten";
        var (_, problem) = await SendAsync(Submissions.Json(body));
        Assert.That((string)problem["errors"]!["right"]![0]!, Does.StartWith("Unknown right 'be-forgotten'"));
    }

    [Test]
    public async Task A_two_megabyte_body_is_refused_as_too_large()
    {
        var body = Submissions.Valid(tenant.Slug);
        body["details"] = new string('x', 2 * 1024 * 1024);
        var (status, problem) = await SendAsync(Submissions.Json(body));
        Assert.That(status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That((string)problem["type"]!, Is.EqualTo("urn:dsar:problem:body-too-large"));
    }

    [Test]
    public async Task Malformed_json_says_where()
    {
        var (status, problem) = await SendAsync(
            new StringContent("{\"tenant\": \"demo\",\n \"right\": }", Encoding.UTF8, "application/json"));
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string)problem["type"]!, Is.EqualTo("urn:dsar:problem:malformed-json"));
        Assert.That((int)problem["line"]!, Is.EqualTo(2));
    }

    [Test]
    public async Task A_misspelt_or_mistyped_field_is_named_by_its_path()
    {
        var body = Submissions.Valid(tenant.Slug);
        body["detials"] = "typo";
        var (_, misspelt) = await SendAsync(Submissions.Json(body));
        var typed = Submissions.Valid(tenant.Slug);
        typed["subject"]!["identities"] = "C-1";
        var (_, mistyped) = await SendAsync(Submissions.Json(typed));
        Assert.That((string)misspelt["detail"]!, Is.EqualTo("Unknown field at $.detials."));
        Assert.That((string)mistyped["detail"]!, Is.EqualTo("Wrong type at $.subject.identities."));
    }

    [TestCase("text/plain")]
    [TestCase("application/x-www-form-urlencoded")]
    [TestCase("application/json; charset=latin1")]
    public async Task A_body_that_is_not_json_is_refused(string contentType)
    {
        var content = new StringContent(Submissions.Valid(tenant.Slug).ToJsonString());
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        var (status, problem) = await SendAsync(content);
        Assert.That(status, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That((string)problem["type"]!, Is.EqualTo("urn:dsar:problem:unsupported-media-type"));
    }

    [Test]
    public async Task A_json_null_body_is_refused()
    {
        var (status, problem) = await SendAsync(new StringContent("null", Encoding.UTF8, "application/json"));
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string)problem["type"]!, Is.EqualTo("urn:dsar:problem:malformed-json"));
    }
}
