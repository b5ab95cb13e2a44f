using System.Text.Json;
using DsarEngine.Server.Accounts;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Connectors;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Packs;
using DsarEngine.Server.Tenants;
using DsarEngine.Workflows.Security;
using DsarEngine.Workflows.Tenants;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Demo;

// Seeds the demo organisation so that a newcomer has something to click on. Idempotent: a second run keeps
// the same organisation, the same API keys (read back from the credentials file) and adds no duplicates.
internal sealed class DemoSeeder(
    TenantStore tenants, ApiKeyStore keys, RequestStore requests, ConnectorStore connectors, RegisterStore registers,
    WorkspaceStore workspaces, DemoSamples samples, StaffDirectory staff, IOptions<DemoOptions> options, IOptions<IntakeOptions> intake,
    Connectors.Http.ConnectorSecrets secrets, TimeProvider clock, ILogger<DemoSeeder> log)
{
    public static readonly Guid TenantId = Guid.Parse("0193a0c4-0000-7000-8000-00000000de30");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task SeedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var baseUrl = intake.Value.PublicBaseUrl.TrimEnd('/');
        // The engine's own pages and the demo's shop may host the form; an origin an admin added since is kept, so a second
        // start changes nothing and a database seeded before the shop existed gains it.
        var known = (await tenants.FindBySlugAsync("demo", ct))?.AllowedOrigins ?? [];
        string[] origins = [.. new[] { baseUrl, options.Value.ShopOrigin.TrimEnd('/') }.Union(known, StringComparer.OrdinalIgnoreCase)];
        var tenant = new Tenant(TenantId, "demo", "Demo Organisation SAS", "FR", "Europe/Paris", "en", origins);
        await tenants.UpsertAsync(tenant, now, ct);
        await registers.SaveAsync(TenantId, DemoRegister.For(tenant.Name), now, ct);
        await registers.SaveAsync(TenantId, DemoRegister.French(tenant.Name), now, ct, "fr");
        await registers.SaveAsync(TenantId, DemoRegister.Russian(tenant.Name), now, ct, "ru");

        var credentials = ReadCredentials() ?? new DemoCredentials(baseUrl, "demo", []);
        credentials = credentials with
        {
            BaseUrl = baseUrl,
            ApiKeys = await EnsureKeysAsync(TenantId, "demo", credentials.ApiKeys, now, ct),
            Users = await EnsureUsersAsync(credentials.Users),
            Processor = await SeedProcessorAsync(baseUrl, credentials.Processor?.ApiKeys, now, ct),
            Bus = options.Value.ErasureListenerUrl is { } listener ? new DemoBus(listener) : null,
            OpenDsr = options.Value.OpenDsrToken is { } token
                ? new DemoOpenDsr($"{baseUrl}/opendsr/v1", "demo_controller", ProcessorSlug, token)
                : null,
        };
        WriteCredentials(credentials);

        if (options.Value.SampleConnectors)
        {
            foreach (var connector in DemoConnectors.All(options.Value.NewsletterUrl))
                await connectors.UpsertAsync(TenantId, connector, now, ct);
            // Seeded as an admin would register it, but without the API's check: say here what the operator must add.
            if (secrets.Find("demo", DemoConnectors.NewsletterSecret) is not { } secret
                || !secret.Covers(Connectors.Http.HttpConnectorSettings.Normalise(options.Value.NewsletterUrl)))
                log.LogWarning(
                    "The demo newsletter connector cannot be called until {Setting} is provisioned (Value, and Endpoints:0 = {Url}); " +
                    "eng/run.sh does",
                    $"{Connectors.Http.ConnectorSecrets.SectionName}:demo:{DemoConnectors.NewsletterSecret}", options.Value.NewsletterUrl);
        }
        if ((await requests.ListAsync(TenantId, null, 1, 0, ct)).Count == 0)
            await samples.CreateAsync(options.Value.SampleRequests, ct);
        log.LogInformation("Demo organisation 'demo' ready");
    }

    private static readonly Dictionary<string, string> People = new()
    {
        [StaffRoles.Admin] = "Camille Admin", [StaffRoles.PrivacyOfficer] = "Priya Officer",
        [StaffRoles.Agent] = "Alex Agent", [StaffRoles.Auditor] = "Aude Auditor",
    };

    // One person per role to sign in to the inbox with; passwords already in the credentials file are kept. Passwords are
    // base64url (letters, digits, - and _): nothing JSON escapes in the file or a shell mangles when eng/run.sh prints it.
    private async Task<Dictionary<string, DemoUser>> EnsureUsersAsync(IReadOnlyDictionary<string, DemoUser>? known)
    {
        var users = new Dictionary<string, DemoUser>();
        foreach (var (role, name) in People)
        {
            var user = known?.GetValueOrDefault(role) is { } kept && IsPrintable(kept.Password) ? kept
                : new DemoUser($"{role}@demo.example",
                    System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(15)));
            var result = await staff.EnsureAsync(TenantId, "demo", user.Email, name, role, user.Password);
            if (!result.Succeeded)
                throw new InvalidOperationException(
                    $"The demo's {role} could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            users[role] = user;
        }
        return users;
    }

    private static bool IsPrintable(string password) =>
        password.Length >= 12 && password.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    // One API key per staff role; keys already in the credentials file are kept, so a restart does not lock anyone out.
    private async Task<Dictionary<string, string>> EnsureKeysAsync(Guid tenantId, string prefix, IReadOnlyDictionary<string, string>? known,
        DateTimeOffset now, CancellationToken ct)
    {
        var apiKeys = new Dictionary<string, string>(known ?? new Dictionary<string, string>());
        foreach (var role in StaffRoles.All)
        {
            if (!apiKeys.TryGetValue(role, out var key) || !ApiKeyFormat.TryParse(key, out _, out _))
                apiKeys[role] = key = ApiKeyFormat.New().Key;
            if (!ApiKeyFormat.TryParse(key, out var id, out var secret))
                throw new InvalidOperationException("A freshly generated API key did not parse.");
            if (await keys.UpsertAsync(id, tenantId, $"{prefix}-{role}", role, SecretTokens.Hash(secret), now, ct))
                continue;
            // The key in the file was revoked: it stays revoked, and the role gets a new one.
            apiKeys[role] = key = ApiKeyFormat.New().Key;
            if (!ApiKeyFormat.TryParse(key, out id, out secret))
                throw new InvalidOperationException("A freshly generated API key did not parse.");
            await keys.UpsertAsync(id, tenantId, $"{prefix}-{role}", role, SecretTokens.Hash(secret), now, ct);
        }
        return apiKeys;
    }

    private DemoCredentials? ReadCredentials()
    {
        var path = options.Value.CredentialsFile;
        if (path is null || !File.Exists(path))
            return null;
        try { return JsonSerializer.Deserialize<DemoCredentials>(File.ReadAllText(path), Json); }
        catch (JsonException) { return null; } // unreadable: replaced by fresh keys below
    }

    private void WriteCredentials(DemoCredentials credentials)
    {
        var path = options.Value.CredentialsFile;
        if (path is null)
            return;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // Owner-only from the first byte (security review L8): created with mode 600 before anything is written.
        var file = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(path, file))
            JsonSerializer.Serialize(stream, credentials, Json);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public static readonly Guid ProcessorId = Guid.Parse("0193a0c4-0000-7000-8000-00000000de31");
    public const string ProcessorSlug = "helpdesk";

    private async Task<DemoTenantKeys> SeedProcessorAsync(
        string baseUrl, IReadOnlyDictionary<string, string>? known, DateTimeOffset now, CancellationToken ct)
    {
        // The slug is the identity: a database seeded by an earlier version may hold the tenant under another id.
        var processorId = await tenants.UpsertAsync(new Tenant(
            ProcessorId, ProcessorSlug, "Helpdesk Cloud SAS", "FR", "Europe/Paris", "en", [baseUrl], Role: TenantRoles.Processor), now, ct);
        // demo.helpdesk.example: the demo organisation's own help desk; its requests land in the demo inbox.
        await workspaces.UpsertAsync(new Workspace(processorId, "demo", "Demo Organisation help centre", TenantId,
            null, null, null, now, null), now, ct);
        // The demo organisation accepts the requests its help desk forwards (otherwise they would stay with the processor).
        await workspaces.AcceptAsync(TenantId, processorId, "demo-seed", now, ct);
        // globex.helpdesk.example: a customer that answers requests elsewhere; subjects are referred to its contact.
        await workspaces.UpsertAsync(new Workspace(processorId, "globex", "Globex", null,
            "Globex Corporation privacy office", "privacy@globex.example", "https://globex.example/privacy", now, null), now, ct);
        return new DemoTenantKeys(ProcessorSlug, await EnsureKeysAsync(processorId, ProcessorSlug, known, now, ct));
    }
}

internal sealed record DemoCredentials(string BaseUrl, string Tenant, Dictionary<string, string> ApiKeys)
{
    // The demo processor (a helpdesk SaaS) and its staff keys, to manage workspaces and read its routing log.
    public DemoTenantKeys? Processor { get; init; }

    // Who signs in to the inbox, one person per role (eng/run.sh prints them).
    public Dictionary<string, DemoUser>? Users { get; init; }

    // What a downstream system of the demo organisation connects to the bus with.
    public DemoBus? Bus { get; init; }

    // The demo OpenDSR controller: where it submits, as whom, to which processor tenant, with which token.
    [System.Text.Json.Serialization.JsonPropertyName("opendsr")]
    public DemoOpenDsr? OpenDsr { get; init; }
}

internal sealed record DemoBus(string ErasureListenerUrl);

internal sealed record DemoUser(string Email, string Password);

internal sealed record DemoOpenDsr(string Url, string Controller, string Tenant, string Token);

internal sealed record DemoTenantKeys(string Tenant, Dictionary<string, string> ApiKeys);

// The processor side of the demo: a helpdesk SaaS whose customers are the controllers of their end-users' data
// (GDPR Art. 28). One customer runs its requests on this engine (the demo organisation), the other does not.
