using System.Net.Http.Headers;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Packs;
using DsarEngine.Server.Settings;
using DsarEngine.Server.Tenants;
using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Security;
using DsarEngine.Workflows.Tenants;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.TestData;

// A fresh organisation with one API key per role, created through the engine's own stores.
internal sealed record TestTenant(Guid Id, string Slug, IReadOnlyDictionary<string, string> Keys)
{
    private static readonly Lazy<DsarEngine.Workflows.Packs.ProcessingRegister> SampleRegister = new(() =>
        System.Text.Json.JsonSerializer.Deserialize<DsarEngine.Workflows.Packs.ProcessingRegister>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "organisations", "helpdesk-saas.json")), RegisterStore.Json)!);

    private static readonly DateTimeOffset Created = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<TestTenant> CreateAsync(EngineFactory engine, string[]? allowedOrigins = null, string jurisdiction = "FR",
        string name = "Exemple SAS", string? slug = null, string? timeZone = null, string language = "en")
    {
        var services = engine.Services;
        var tenant = new Tenant(Guid.NewGuid(), slug ?? $"org-{Guid.NewGuid():N}"[..16], name, jurisdiction,
            timeZone ?? (jurisdiction.StartsWith("GB", StringComparison.Ordinal) ? "Europe/London" : "Europe/Paris"), language,
            allowedOrigins ?? []);
        await services.GetRequiredService<TenantStore>().UpsertAsync(tenant, Created, CancellationToken.None);
        // The tests drive every request through its identity step, so the test organisation checks every request by the
        // e-mailed link; IdentityPolicyTests cover the default policy (no check for consent withdrawal and marketing objections).
        await services.GetRequiredService<IdentityPolicyStore>().SaveAsync(tenant.Id, new IdentityPolicy([]), CancellationToken.None);
        // Every organisation needs its processing register before letters can be written (samples/organisations/).
        await services.GetRequiredService<RegisterStore>().SaveAsync(tenant.Id, SampleRegister.Value, Created, CancellationToken.None);
        var keys = new Dictionary<string, string>();
        foreach (var role in StaffRoles.All)
        {
            var (id, key) = ApiKeyFormat.New();
            Assert.That(ApiKeyFormat.TryParse(key, out _, out var secret), Is.True);
            await services.GetRequiredService<ApiKeyStore>().UpsertAsync(id, tenant.Id, role, role, SecretTokens.Hash(secret), Created,
                CancellationToken.None);
            keys[role] = key;
        }
        return new TestTenant(tenant.Id, tenant.Slug, keys);
    }

    public HttpClient Staff(EngineFactory engine, string role)
    {
        var client = engine.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Keys[role]);
        return client;
    }
}
