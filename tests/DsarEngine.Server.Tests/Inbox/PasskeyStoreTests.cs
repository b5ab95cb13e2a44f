using System.Security.Cryptography;
using DsarEngine.Server.Accounts;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DsarEngine.Server.Tests.Inbox;

// The passkeys Identity keeps through StaffUserStore (staff_passkeys): what is stored comes back as it went in, the
// counter moves on at each use, and a passkey belongs to one person of one organisation, whoever else asks.
public sealed class PasskeyStoreTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task A_passkey_comes_back_as_stored_finds_its_person_and_goes_when_removed()
    {
        using var scope = Engine.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var person = await PersonAsync(users, StaffRoles.Agent);
        var passkey = NewPasskey("Work laptop");
        var added = await users.AddOrUpdatePasskeyAsync(person, passkey);
        var stored = (await users.GetPasskeysAsync(person)).Single();
        var found = await users.FindByPasskeyIdAsync(passkey.CredentialId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(added.Succeeded, Is.True);
            Assert.That(stored.CredentialId, Is.EqualTo(passkey.CredentialId));
            Assert.That(stored.PublicKey, Is.EqualTo(passkey.PublicKey));
            Assert.That(stored.SignCount, Is.EqualTo(7u));
            Assert.That(stored.Transports, Is.EqualTo(new[] { "internal", "hybrid" }));
            Assert.That((stored.IsUserVerified, stored.IsBackupEligible, stored.IsBackedUp), Is.EqualTo((true, true, false)));
            Assert.That(stored.AttestationObject, Is.EqualTo(passkey.AttestationObject));
            Assert.That(stored.ClientDataJson, Is.EqualTo(passkey.ClientDataJson));
            Assert.That(stored.Name, Is.EqualTo("Work laptop"));
            Assert.That(stored.CreatedAt, Is.EqualTo(passkey.CreatedAt));
            Assert.That(found?.Id, Is.EqualTo(person.Id));
            Assert.That(found?.TenantSlug, Is.EqualTo(person.TenantSlug));
        }

        // A sign-in: Identity stores the authenticator's new counter on the same credential.
        stored.SignCount = 8;
        await users.AddOrUpdatePasskeyAsync(person, stored);
        var used = (await users.GetPasskeysAsync(person)).Single();
        var lastUsed = await Rows.ScalarAsync<DateTimeOffset?>(Engine,
            "SELECT last_used_at FROM staff_passkeys WHERE credential_id = @Id", new { Id = passkey.CredentialId });
        await users.RemovePasskeyAsync(person, passkey.CredentialId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(used.SignCount, Is.EqualTo(8u));
            Assert.That(lastUsed, Is.Not.Null);
            Assert.That(await users.GetPasskeysAsync(person), Is.Empty);
            Assert.That(await users.FindByPasskeyIdAsync(passkey.CredentialId), Is.Null);
        }
    }

    [Test]
    public async Task Another_organisations_person_can_neither_see_take_nor_remove_a_passkey()
    {
        using var scope = Engine.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var owner = await PersonAsync(users, StaffRoles.PrivacyOfficer);
        var stranger = await PersonAsync(users, StaffRoles.Admin);
        var passkey = NewPasskey("Security key");
        await users.AddOrUpdatePasskeyAsync(owner, passkey);

        var seen = await users.GetPasskeyAsync(stranger, passkey.CredentialId);
        var taken = Assert.CatchAsync(() => users.AddOrUpdatePasskeyAsync(stranger, NewPasskey("Mine now", passkey.CredentialId)));
        await users.RemovePasskeyAsync(stranger, passkey.CredentialId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(seen, Is.Null);
            Assert.That(await users.GetPasskeysAsync(stranger), Is.Empty);
            Assert.That(taken, Is.Not.Null, "a credential id registered to one person is not given to another");
            Assert.That((await users.FindByPasskeyIdAsync(passkey.CredentialId))?.Id, Is.EqualTo(owner.Id));
            Assert.That((await users.GetPasskeysAsync(owner)).Single().Name, Is.EqualTo("Security key"));
        }
    }

    [Test]
    public async Task The_database_refuses_a_passkey_whose_organisation_is_not_its_persons()
    {
        using var scope = Engine.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var person = await PersonAsync(users, StaffRoles.Agent);
        var otherTenant = await TestTenant.CreateAsync(Engine);
        await using var connection = new NpgsqlConnection(Engine.ConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO staff_passkeys (credential_id, tenant_id, user_id, public_key, sign_count, is_user_verified,
                is_backup_eligible, is_backed_up, attestation_object, client_data_json, created_at)
            VALUES (@Id, @Tenant, @User, '\x01', 0, true, false, false, '\x01', '\x01', now())
            """, connection);
        insert.Parameters.AddWithValue("Id", RandomNumberGenerator.GetBytes(16));
        insert.Parameters.AddWithValue("Tenant", otherTenant.Id);
        insert.Parameters.AddWithValue("User", person.Id);
        var error = Assert.CatchAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
        Assert.That(error!.SqlState, Is.EqualTo(PostgresErrorCodes.ForeignKeyViolation));
    }

    [TestCase("http://dsar.example.org")]
    [TestCase("ftp://localhost")]
    public async Task A_public_address_a_passkey_cannot_use_stops_start_up_naming_the_setting(string url)
    {
        var engine = new EngineFactory("Host=127.0.0.1;Database=unused",
            new Dictionary<string, string?> { ["Dsar:Intake:PublicBaseUrl"] = url });
        var error = Assert.Catch(() => _ = engine.Server);
        Assert.That(error, Is.InstanceOf<OptionsValidationException>().Or.InnerException.InstanceOf<OptionsValidationException>());
        Assert.That(error!.ToString(), Does.Contain("Dsar:Intake:PublicBaseUrl must be an https:// URL"));
        await engine.DisposeAsync();
    }

    [Test]
    public void The_relying_party_is_the_public_addresss_host_and_origin()
    {
        var options = Engine.Services.GetRequiredService<IOptions<IdentityPasskeyOptions>>().Value;
        Assert.That(options.ServerDomain, Is.EqualTo("localhost"), "EngineFactory's Dsar:Intake:PublicBaseUrl is http://localhost");
    }

    private static async Task<StaffUser> PersonAsync(UserManager<StaffUser> users, string role)
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var email = await InboxSession.CreateUserAsync(Engine, tenant, role);
        return (await users.FindByNameAsync(StaffUserNames.Of(tenant.Slug, email)))!;
    }

    // Whole seconds: timestamptz keeps microseconds, and the test compares what comes back.
    private static UserPasskeyInfo NewPasskey(string name, byte[]? credentialId = null) =>
        new(credentialId ?? RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(77),
            new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero), 7, ["internal", "hybrid"], true, true, false,
            RandomNumberGenerator.GetBytes(120), RandomNumberGenerator.GetBytes(90)) { Name = name };
}
