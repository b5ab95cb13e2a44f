using System.Security.Cryptography;
using System.Text;
using DsarEngine.Server.Accounts;
using DsarEngine.Server.Accounts.SingleSignOn;
using DsarEngine.Server.Connectors;
using DsarEngine.Server.Conversations;
using DsarEngine.Server.Packs;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Server.Uploads;
using DsarEngine.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DsarEngine.Server.Tests.Platform;

// docs/operations.md, "Rotating the data key": data sealed under key k1, the key rotated to k2 with k1 retired, the old
// data still read; `data-keys reseal` (the engine's operator command, run as a process) moves every row onto k2; the
// counts show none left under k1; an engine without k1 in its settings reads everything, which it could not before.
[NonParallelizable]
public sealed class DataKeyRotationTests
{
    private sealed record Sealed(string Note, Guid ExportId, byte[] Export, string PackKind, byte[] Pack, Guid DocumentId,
        byte[] Document, string DocumentName);

    [Test]
    public async Task Rows_sealed_under_a_retired_key_are_resealed_and_then_read_without_it()
    {
        await using var first = await EngineFactory.StartAsync();
        var tenant = await TestTenant.CreateAsync(first);
        var reference = await RequestDriver.SubmitAsync(first, tenant, "access");
        var request = (await first.Services.GetRequiredService<RequestStore>().FindAsync(tenant.Id, reference, CancellationToken.None))!;
        var underK1 = await SealAsync(first, request, "letter", "k1");
        await SaveSecretAsync(first, tenant.Id, "client-secret-sealed-under-k1");
        var person = await StaffPeople.CreateAsync(first, tenant, "agent");
        await SetTotpAsync(first, person.Id);

        // Rotated: k2 seals, k1 only opens.
        var k2 = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var rotatedSettings = new Dictionary<string, string?>
        {
            ["Dsar:Security:DataKey"] = k2, ["Dsar:Security:DataKeyId"] = "k2", ["Dsar:Security:RetiredDataKeys:k1"] = first.DataKey,
        };
        await using var rotated = EngineFactory.Join(first, rotatedSettings);
        var underK2 = await SealAsync(rotated, request, "access-copy", "k2");
        await using var withoutK1 = EngineFactory.Join(first, new Dictionary<string, string?>
        {
            ["Dsar:Security:DataKey"] = k2, ["Dsar:Security:DataKeyId"] = "k2",
        });
        using (Assert.EnterMultipleScope())
        {
            await AssertReadsAsync(rotated, request, underK1, "the rotated engine reads what k1 sealed");
            Assert.That(await SecretAsync(rotated, tenant.Id), Is.EqualTo("client-secret-sealed-under-k1"));
            Assert.That(await TotpAsync(rotated, person.Id), Is.EqualTo(TotpKey));
            Assert.That(() => NoteAsync(withoutK1, request, underK1.Note), Throws.InstanceOf<CryptographicException>(),
                "before the re-seal, an engine without k1 cannot read what k1 sealed");
        }

        var counted = await DataKeysAsync(first, rotatedSettings);
        var resealed = await DataKeysAsync(first, rotatedSettings, "reseal");
        var again = await DataKeysAsync(first, rotatedSettings, "reseal");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(counted.Output, Does.Match(@"k1 retired: [1-9]\d* rows \(connector_exports \d+, response_packs \d+, " +
                @"request_notes \d+, (request_messages \d+, )?subject_documents \d+, staff_users 1, tenant_sso 1\)"),
                "before: what k1 seals, table by table");
            Assert.That((resealed.ExitCode, again.ExitCode), Is.EqualTo((0, 0)), resealed.Output + again.Output);
            Assert.That(resealed.Output, Does.Contain("k1 retired: 0 rows"));
            Assert.That(again.Output, Does.Contain("re-sealed 0 rows under k2").And.Contain("k1 retired: 0 rows"),
                "a second run has nothing to do");
            Assert.That(await Rows.ScalarAsync<long>(first, """
                SELECT (SELECT count(*) FROM connector_exports WHERE key_id = 'k1')
                    + (SELECT count(*) FROM response_packs WHERE key_id = 'k1')
                    + (SELECT count(*) FROM request_notes WHERE key_id = 'k1')
                    + (SELECT count(*) FROM subject_documents WHERE key_id = 'k1')
                    + (SELECT count(*) FROM tenant_sso WHERE client_secret_key_id = 'k1')
                    + (SELECT count(*) FROM staff_users WHERE authenticator_key_id = 'k1')
                """, new { }), Is.Zero);
            // k1 is gone from the settings: everything, old and new, still reads.
            await AssertReadsAsync(withoutK1, request, underK1, "without k1, what k1 sealed (now re-sealed)");
            await AssertReadsAsync(withoutK1, request, underK2, "without k1, what k2 sealed");
            Assert.That(await SecretAsync(withoutK1, tenant.Id), Is.EqualTo("client-secret-sealed-under-k1"));
            Assert.That(await TotpAsync(withoutK1, person.Id), Is.EqualTo(TotpKey));
        }
    }

    private static async Task<Sealed> SealAsync(EngineFactory engine, StoredRequest request, string packKind, string label)
    {
        var services = engine.Services;
        var now = TimeProvider.System.GetUtcNow();
        var note = $"A note written under {label}.";
        await services.GetRequiredService<NoteStore>().AddAsync(request, "privacy-officer", note, now, CancellationToken.None);
        var export = Encoding.UTF8.GetBytes($"{{\"records\":[\"exported under {label}\"]}}");
        var exported = await services.GetRequiredService<ExportStore>().StoreDocumentAsync(request.TenantId, request.Id, Guid.NewGuid(),
            export, 1, ["profile"], now, CancellationToken.None);
        var pack = Encoding.UTF8.GetBytes($"%PDF-1.7 a letter rendered under {label}");
        await services.GetRequiredService<PackStore>().SaveAsync(request.TenantId, request.Id, packKind, "en", pack, now,
            CancellationToken.None);
        var document = Encoding.UTF8.GetBytes($"%PDF-1.7 proof of identity sent under {label}");
        var name = $"passport-{label}.pdf";
        await using var c = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var tx = await c.BeginTransactionAsync();
        var ids = await services.GetRequiredService<SubjectUploads>().WriteAsync(c, tx, request.TenantId, request.Id, null,
            [new CheckedFile("supporting", name, "application/pdf", document)], now, CancellationToken.None);
        await tx.CommitAsync();
        return new Sealed(note, exported.ExportId, export, packKind, pack, ids[0], document, name);
    }

    private static async Task AssertReadsAsync(EngineFactory engine, StoredRequest request, Sealed expected, string what)
    {
        var services = engine.Services;
        var opened = await services.GetRequiredService<SubjectUploads>().OpenAsync(request.TenantId, request.Id, expected.DocumentId,
            "privacy-officer", TimeProvider.System.GetUtcNow(), CancellationToken.None);
        Assert.That(await NoteAsync(engine, request, expected.Note), Is.EqualTo(expected.Note), what);
        Assert.That(await services.GetRequiredService<ExportStore>().ReadAsync(request.Id, expected.ExportId, null, CancellationToken.None),
            Is.EqualTo(expected.Export), what);
        Assert.That(await services.GetRequiredService<PackStore>().LatestAsync(request.TenantId, request.Id, expected.PackKind,
            CancellationToken.None), Is.EqualTo(expected.Pack), what);
        Assert.That(opened?.Content, Is.EqualTo(expected.Document), what);
        Assert.That(opened?.Document.FileName, Is.EqualTo(expected.DocumentName), what);
    }

    private static async Task<string?> NoteAsync(EngineFactory engine, StoredRequest request, string text) =>
        (await engine.Services.GetRequiredService<NoteStore>().ListAsync(request, 50, CancellationToken.None))
            .Select(n => n.Text).FirstOrDefault(t => t == text);

    private const string TotpKey = "JBSWY3DPEHPK3PXP";

    // A person's authenticator key, sealed by the Identity store as when they set up their app.
    private static async Task SetTotpAsync(EngineFactory engine, Guid userId)
    {
        using var scope = engine.Services.CreateScope();
        var store = (StaffUserStore)scope.ServiceProvider.GetRequiredService<IUserStore<StaffUser>>();
        var user = (await store.FindByIdAsync(userId.ToString(), CancellationToken.None))!;
        await store.SetAuthenticatorKeyAsync(user, TotpKey, CancellationToken.None);
        Assert.That((await store.UpdateAsync(user, CancellationToken.None)).Succeeded, Is.True);
    }

    private static async Task<string?> TotpAsync(EngineFactory engine, Guid userId)
    {
        using var scope = engine.Services.CreateScope();
        var store = (StaffUserStore)scope.ServiceProvider.GetRequiredService<IUserStore<StaffUser>>();
        return await store.GetAuthenticatorKeyAsync((await store.FindByIdAsync(userId.ToString(), CancellationToken.None))!,
            CancellationToken.None);
    }

    private static Task<bool> SaveSecretAsync(EngineFactory engine, Guid tenantId, string secret) =>
        engine.Services.GetRequiredService<SsoStore>().SaveAsync(tenantId, new SsoInput
        {
            Enabled = false, Authority = "https://login.example.org", ClientId = "dsar", ClientSecret = secret,
        }, 0, CancellationToken.None);

    private static async Task<string?> SecretAsync(EngineFactory engine, Guid tenantId) =>
        (await engine.Services.GetRequiredService<SsoStore>().FindAsync(tenantId, CancellationToken.None))?.ClientSecret;

    // The operator's command, as a process of the built engine, with the rotated nodes' settings.
    private static Task<ToolProcess.Result> DataKeysAsync(EngineFactory engine, Dictionary<string, string?> keys, params string[] verb)
    {
        var environment = new Dictionary<string, string>(MailCatcher.EngineSettings())
        {
            ["Dsar:Database:ConnectionString"] = engine.ConnectionString, ["Dsar:Bus:Url"] = TestDatabase.AmqpUrl,
            ["Dsar:Security:TokenKey"] = engine.TokenKey, ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in keys)
            environment[key] = value!;
        return ToolProcess.RunAsync("dotnet", ["DsarEngine.Server.dll", "data-keys", .. verb], environment);
    }
}
