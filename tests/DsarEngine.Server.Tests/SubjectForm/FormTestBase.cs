using System.Net;
using DsarEngine.Server.Settings;
using DsarEngine.Server.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.SubjectForm;

// One engine for the form's tests, on a clock the tests move (the minimum fill time, the token's age) and with a small
// per-address budget (each test's client has its own address), 4 KiB documents at most (the sample files are tiny).
public abstract class FormTestBase
{
    private protected static EngineFactory Engine { get; private set; } = null!;
    private protected static FakeTimeProvider Clock { get; private set; } = null!;
    private static int peers;

    [OneTimeSetUp]
    public async Task StartEngine()
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        Engine = await EngineFactory.StartAsync(new Dictionary<string, string?>
        {
            ["Dsar:Intake:PublicPermitsPerMinute"] = "6",
            ["Dsar:Uploads:MaxBytes"] = "4096",
            ["Dsar:Uploads:MaxFiles"] = "3",
        }, Clock);
    }

    [OneTimeTearDown]
    public async Task StopEngine() => await Engine.DisposeAsync();

    private protected static FormClient NewClient() => new(Engine, $"198.51.100.{Interlocked.Increment(ref peers) % 250 + 1}");

    private protected static async Task<TestTenant> TenantAsync(FormSettings? form = null, string[]? origins = null)
    {
        var tenant = await TestTenant.CreateAsync(Engine, origins, name: "Boutique Exemple");
        if (form is not null)
            await Engine.Services.GetRequiredService<FormSettingsStore>().SaveAsync(tenant.Id, form, Clock.GetUtcNow(), CancellationToken.None);
        return tenant;
    }

    // A person fills in the form: it is served, some seconds pass (more than Dsar:Form:MinFillSeconds), it is sent.
    private protected static async Task<FormClient.Page> FillAndSendAsync(FormClient client, TestTenant tenant,
        IEnumerable<(string, string)> fields, IEnumerable<(string, string, string, byte[])>? files = null, string query = "")
    {
        var form = await client.GetAsync($"/form/{tenant.Slug}{query}");
        Assert.That(form.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Clock.Advance(TimeSpan.FromSeconds(5));
        return await client.PostAsync($"/form/{tenant.Slug}{query}", [.. fields, ("token", form.Token!)], files);
    }

    private protected static IEnumerable<(string, string)> Access(string email = "ada@example.org") =>
        [("right", "access"), ("email", email), ("name", "Ada Lovelace")];

    private protected static Task<long> StoredAsync(TestTenant tenant, string table = "requests") => Rows.CountAsync(Engine, table, tenant.Id);
}
