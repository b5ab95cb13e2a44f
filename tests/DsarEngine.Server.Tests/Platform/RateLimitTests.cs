using System.Net;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Platform;

public sealed class RateLimitTests
{
    [Test]
    public async Task A_client_over_its_budget_gets_429_with_retry_after_and_nothing_is_stored()
    {
        await using var engine = await EngineFactory.StartAsync(new Dictionary<string, string?> { ["Dsar:Intake:PublicPermitsPerMinute"] = "2" });
        var tenant = await TestTenant.CreateAsync(engine);
        var client = engine.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await client.SendAsync(Submissions.Post(Submissions.Valid(tenant.Slug)));
            statuses.Add(last.StatusCode);
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests }));
            Assert.That((string)(await last.ReadObjectAsync())["type"]!, Is.EqualTo("urn:dsar:problem:rate-limited"));
            Assert.That(last.Headers.RetryAfter, Is.Not.Null);
            Assert.That(await Rows.CountAsync(engine, "requests", tenant.Id), Is.EqualTo(2));
        }
    }
}
