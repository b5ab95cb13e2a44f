using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Deadlines;

// GDPR Art. 12(6): the clock stops while the controller waits for proof of identity. Skipping the step ends the wait
// exactly as a verification does, so the due date after a skip is the one a verification at that moment gives.
public sealed class IdentitySkipTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero); // Monday
    private readonly FakeTimeProvider time = new(Start);
    private EngineFactory engine = null!;

    [OneTimeSetUp]
    public async Task StartEngine() => engine = await EngineFactory.StartAsync(time: time);

    [OneTimeTearDown]
    public async Task StopEngine() => await engine.DisposeAsync();

    [Test]
    public async Task Skipping_identity_while_the_clock_waits_for_it_gives_the_due_date_a_verification_would()
    {
        var tenant = await TestTenant.CreateAsync(engine);
        var staff = tenant.Staff(engine, "privacy-officer");
        var skipped = await RequestDriver.SubmitAsync(engine, tenant, "access");
        var verified = await RequestDriver.SubmitAsync(engine, tenant, "access");
        // Asking for proof does not stop the clock; a stated doubt does (GDPR Art. 12(6)).
        foreach (var reference in new[] { skipped, verified })
        {
            await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("identity"), "the identity step");
            var stopped = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/clock/stop",
                new { reason = "identity-proof", note = "The e-mail address differs from the account's." });
            Assert.That(stopped.StatusCode, Is.EqualTo(HttpStatusCode.OK), await stopped.Content.ReadAsStringAsync());
        }
        var waiting = await DeadlineAsync(staff, skipped);

        time.Advance(TimeSpan.FromDays(10));
        var skip = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{skipped}/skip",
            new { reason = "Known customer, met at the counter." });
        var verify = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{verified}/identity",
            new { evidence = "Known customer, met at the counter." });
        var afterSkip = await DeadlineAsync(staff, skipped);
        var afterVerify = await DeadlineAsync(staff, verified);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((skip.StatusCode, verify.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
            Assert.That(waiting["stops"]!.AsArray().Single()!["end"], Is.Null, "the clock waited for identity once a doubt was stated");
            Assert.That((string)afterSkip["effectiveDue"]!, Is.EqualTo((string)afterVerify["effectiveDue"]!));
            Assert.That((string)afterSkip["effectiveDue"]!, Is.Not.EqualTo((string)waiting["effectiveDue"]!), "the wait moved the date");
            Assert.That((string?)afterSkip["stops"]!.AsArray().Single()!["end"], Is.EqualTo("2025-03-13"),
                "the stop ended on the day of the skip");
        }
    }

    private static async Task<JsonObject> DeadlineAsync(HttpClient staff, string reference) =>
        (await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}"))!["deadline"]!.AsObject();
}
