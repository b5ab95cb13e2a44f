using System.Net;
using System.Net.Http.Json;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Tests.Security.Fuzzing;
using DsarEngine.Server.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Tests.Platform;

// The budgets as shipped (appsettings.json and the options' defaults), not the small ones RateLimitTests sets nor the raised
// ones the other tests and the hostile-input harness run with: a burst past each is refused with 429 problem+json and
// Retry-After, and the refused requests store nothing in any table.
public sealed class ShippedRateLimitTests
{
    private static EngineFactory engine = null!;

    [OneTimeSetUp]
    public async Task StartEngine() => engine = await EngineFactory.StartAsync(new Dictionary<string, string?>
    {
        // null removes the test factory's raised budgets: what remains is what an operator gets.
        ["Dsar:Intake:PublicPermitsPerMinute"] = null,
        ["Dsar:Intake:StatusPermitsPerMinute"] = null,
        ["Dsar:RateLimits:CodePermitsPerMinute"] = null,
        ["Dsar:RateLimits:CallbackPermitsPerMinute"] = null,
        ["Dsar:RateLimits:OpenDsrPermitsPerMinute"] = null,
        ["Dsar:RateLimits:TenantIntakePermitsPerMinute"] = null,
    });

    [OneTimeTearDown]
    public async Task StopEngine() => await engine.DisposeAsync();

    private static HttpClient From(string peer) =>
        new(engine.Server.CreateHandler(c => c.Connection.RemoteIpAddress = IPAddress.Parse(peer)))
        {
            BaseAddress = engine.Server.BaseAddress,
        };

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That((string?)(await response.ReadObjectAsync())["type"], Is.EqualTo("urn:dsar:problem:rate-limited"));
            Assert.That(response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        }
    }

    [Test]
    public async Task A_burst_past_the_shipped_intake_budget_is_refused_with_429_and_the_refused_ones_store_nothing()
    {
        var budget = engine.Services.GetRequiredService<IOptions<IntakeOptions>>().Value.PublicPermitsPerMinute;
        var tenant = await TestTenant.CreateAsync(engine);
        var client = From("192.0.2.31");
        var within = new List<HttpStatusCode>();
        for (var i = 0; i < budget; i++)
            within.Add((await client.SendAsync(Submissions.Post(Submissions.Valid(tenant.Slug)))).StatusCode);
        var before = await RowCensus.SettledAsync(engine.ConnectionString, TimeSpan.FromSeconds(60));
        var refused = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
            refused.Add(await client.SendAsync(Submissions.Post(Submissions.Valid(tenant.Slug))));
        var after = await RowCensus.TakeAsync(engine.ConnectionString);
        Assert.That(budget, Is.EqualTo(20), "the shipped budget (appsettings.json)");
        Assert.That(within, Has.All.EqualTo(HttpStatusCode.Accepted));
        foreach (var response in refused)
            await AssertRefusedAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(RowCensus.Differences(before, after), Is.Empty);
            Assert.That(await Rows.CountAsync(engine, "requests", tenant.Id), Is.EqualTo(budget));
        }
    }

    [Test]
    public async Task A_burst_past_the_shipped_code_budget_is_refused_with_429_and_the_refused_guesses_count_for_nothing()
    {
        var budget = engine.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value.CodePermitsPerMinute;
        var tenant = await TestTenant.CreateAsync(engine);
        var accepted = await (await engine.CreateClient().SendAsync(Submissions.Post(Submissions.Valid(tenant.Slug)))).ReadObjectAsync();
        var reference = (string)accepted["reference"]!;
        var client = From("192.0.2.32");
        // Guesses at the identity code, on the API and on the pack's code endpoint, which share the client's code budget.
        Task<HttpResponseMessage> GuessAsync(int i) => i % 2 == 0
            ? client.PostAsJsonAsync($"/api/v1/requests/{reference}/identity", new { challenge = Guid.NewGuid(), code = "000000" })
            : client.PostAsync($"/api/v1/requests/{reference}/pack/code?expires=1&token=forged", null);
        var within = new List<HttpStatusCode>();
        for (var i = 0; i < budget; i++)
            within.Add((await GuessAsync(i)).StatusCode);
        var before = await RowCensus.SettledAsync(engine.ConnectionString, TimeSpan.FromSeconds(60));
        var refused = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
            refused.Add(await GuessAsync(i));
        var after = await RowCensus.TakeAsync(engine.ConnectionString);
        Assert.That(budget, Is.EqualTo(10), "the shipped budget (RateLimitOptions)");
        Assert.That(within, Has.None.EqualTo(HttpStatusCode.TooManyRequests));
        foreach (var response in refused)
            await AssertRefusedAsync(response);
        Assert.That(RowCensus.Differences(before, after), Is.Empty);
    }
}
