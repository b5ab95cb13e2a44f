using System.Net;
using DsarEngine.Server.Packs;
using DsarEngine.Server.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Packs;

// Whoever holds a pack link (a forwarded e-mail) can ask for codes and try them: both are bounded per request, from
// any number of addresses, and nothing is e-mailed past the bound. Defaults: 3 codes an hour, 10 wrong codes a day.
public sealed class PackCodeLimitTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    // A submitted request with its answer's letter and a valid link to it, made with the engine's own key as the response
    // e-mail would be (the e-mail is sent once the letter is rendered; a code is tried only against an answer that exists).
    private static async Task<(TestTenant Tenant, Guid RequestId, string Query, string Reference)> LinkAsync()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "access", $"pia.{Guid.NewGuid():N}@example.org");
        var requestId = await Rows.ScalarAsync<Guid>(Engine, "SELECT id FROM requests WHERE reference = @reference", new { reference });
        await Engine.Services.GetRequiredService<PackStore>().SaveAsync(
            tenant.Id, requestId, "letter", "en", "%PDF-1.7 letter"u8.ToArray(), TimeProvider.System.GetUtcNow(), default);
        var link = new Uri(Engine.Services.GetRequiredService<PackLinks>()
            .Url(requestId, reference, TimeProvider.System.GetUtcNow().AddDays(7)));
        return (tenant, requestId, link.Query, reference);
    }

    private static Task<long> CodeMailsAsync(Guid requestId) =>
        Rows.ScalarAsync<long>(Engine,
            "SELECT count(*) FROM mail_messages WHERE request_id = @requestId AND template = 'pack-code'", new { requestId });

    [Test]
    public async Task The_fourth_code_within_an_hour_is_refused_with_when_to_try_again_and_is_not_mailed()
    {
        var (_, requestId, query, reference) = await LinkAsync();
        var client = Engine.CreateClient();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
            answers.Add(await client.PostAsync($"/api/v1/requests/{reference}/pack/code{query}", null));
        var refused = answers[3];
        var problem = await refused.ReadObjectAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(answers.Take(3).Select(a => a.StatusCode), Has.All.EqualTo(HttpStatusCode.Accepted));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That((string)problem["type"]!, Is.EqualTo("urn:dsar:problem:rate-limited"));
            Assert.That((string)problem["detail"]!, Does.Contain("try again in 60 minutes"));
            Assert.That(refused.Headers.RetryAfter?.Delta, Is.InRange(TimeSpan.FromMinutes(55), TimeSpan.FromHours(1)));
            Assert.That(await Rows.ScalarAsync<long>(Engine,
                    "SELECT count(*) FROM pack_codes WHERE request_id = @requestId", new { requestId }),
                Is.EqualTo(3));
            Assert.That(await CodeMailsAsync(requestId), Is.EqualTo(3));
        }
    }

    [Test]
    public async Task After_ten_wrong_codes_across_codes_even_the_right_one_is_refused_and_no_new_code_is_sent()
    {
        var (_, requestId, query, reference) = await LinkAsync();
        var client = Engine.CreateClient();
        var codes = Engine.Services.GetRequiredService<PackCodes>();
        var wrongAnswers = new List<HttpStatusCode>();
        Guid last = default;
        for (var n = 0; n < 2; n++)
        {
            last = (Guid)(await (await client.PostAsync($"/api/v1/requests/{reference}/pack/code{query}", null))
                .ReadObjectAsync())["codeId"]!;
            var wrong = codes.Code(last) == "000000" ? "111111" : "000000";
            for (var i = 0; i < 5; i++)
                wrongAnswers.Add(
                    (await client.GetAsync($"/api/v1/requests/{reference}/pack{query}&codeId={last}&code={wrong}")).StatusCode);
        }
        var mailsBefore = await CodeMailsAsync(requestId);
        var third = await client.PostAsync($"/api/v1/requests/{reference}/pack/code{query}", null);
        var right = await client.GetAsync($"/api/v1/requests/{reference}/pack{query}&codeId={last}&code={codes.Code(last)}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(wrongAnswers, Has.Count.EqualTo(10).And.All.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(third.Headers.RetryAfter?.Delta, Is.InRange(TimeSpan.FromHours(23), TimeSpan.FromHours(24)));
            Assert.That(await CodeMailsAsync(requestId), Is.EqualTo(mailsBefore).And.EqualTo(2));
            Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(await Rows.ScalarAsync<long>(Engine,
                    "SELECT coalesce(sum(attempts), 0) FROM pack_codes WHERE request_id = @requestId", new { requestId }),
                Is.EqualTo(10),
                "a refused guess is not even counted");
        }
    }

    // L6: the link's expiry is a number in the URL; one outside the calendar is just a link that is not valid.
    [TestCase("9223372036854775807")]
    [TestCase("-9223372036854775808")]
    [TestCase("253402300800")]
    public async Task An_expiry_beyond_the_calendar_is_an_invalid_link_not_a_server_error(string expires)
    {
        var (_, _, _, reference) = await LinkAsync();
        var client = Engine.CreateClient();
        var send = await client.PostAsync($"/api/v1/requests/{reference}/pack/code?expires={expires}&token=x", null);
        var open = await client.GetAsync(
            $"/api/v1/requests/{reference}/pack?expires={expires}&token=x&codeId={Guid.NewGuid()}&code=123456");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(send.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((string)(await send.ReadObjectAsync())["type"]!, Is.EqualTo("urn:dsar:problem:link-not-valid"));
            Assert.That(open.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }
    }

    [Test]
    public async Task An_expiry_that_is_not_a_number_is_a_bad_request_problem()
    {
        var (_, _, _, reference) = await LinkAsync();
        var send = await Engine.CreateClient().PostAsync(
            $"/api/v1/requests/{reference}/pack/code?expires=99999999999999999999&token=x", null);
        Assert.That(send.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(send.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }
}
