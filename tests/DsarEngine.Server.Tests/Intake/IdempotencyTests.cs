using System.Net;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Intake;

public sealed class IdempotencyTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task A_retried_submission_returns_the_same_request_and_link()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var client = Engine.CreateClient();
        var body = Submissions.Valid(tenant.Slug);
        var key = Guid.NewGuid().ToString();

        var first = await client.SendAsync(Submissions.Post(body, key));
        var retry = await client.SendAsync(Submissions.Post(body, key));
        var (a, b) = (await first.ReadObjectAsync(), await retry.ReadObjectAsync());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(retry.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
            Assert.That((string)b["reference"]!, Is.EqualTo((string)a["reference"]!));
            Assert.That((string)b["statusUrl"]!, Is.EqualTo((string)a["statusUrl"]!));
            Assert.That(await Rows.CountAsync(Engine, "requests", tenant.Id), Is.EqualTo(1));
            Assert.That(await Rows.ScalarAsync<long>(Engine,
                    "SELECT count(*) FROM mail_messages WHERE tenant_id = @id AND template = 'request-received'", new { id = tenant.Id }),
                Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Reusing_a_key_for_another_submission_is_refused()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var client = Engine.CreateClient();
        var key = Guid.NewGuid().ToString();
        await client.SendAsync(Submissions.Post(Submissions.Valid(tenant.Slug), key));
        var reused = await client.SendAsync(Submissions.Post(Submissions.Valid(tenant.Slug, "erasure"), key));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reused.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That((string)(await reused.ReadObjectAsync())["type"]!, Is.EqualTo("urn:dsar:problem:idempotency-key-reused"));
            Assert.That(await Rows.CountAsync(Engine, "requests", tenant.Id), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Parallel_retries_create_one_request()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var body = Submissions.Valid(tenant.Slug);
        var key = Guid.NewGuid().ToString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => Engine.CreateClient().SendAsync(Submissions.Post(body, key))));
        var references = await Task.WhenAll(responses.Select(async r => (string)(await r.ReadObjectAsync())["reference"]!));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(responses.Select(r => r.StatusCode), Has.All.EqualTo(HttpStatusCode.Accepted));
            Assert.That(references.Distinct().Count(), Is.EqualTo(1));
            Assert.That(await Rows.CountAsync(Engine, "requests", tenant.Id), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task A_malformed_key_is_a_field_error()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var response = await Engine.CreateClient().SendAsync(Submissions.Post(Submissions.Valid(tenant.Slug), "short"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.ReadObjectAsync())["errors"]!["Idempotency-Key"], Is.Not.Null);
        Assert.That(await Rows.CountAsync(Engine, "requests", tenant.Id), Is.Zero);
    }
}
