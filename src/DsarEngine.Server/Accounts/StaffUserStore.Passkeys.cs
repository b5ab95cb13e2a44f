using Dapper;
using Microsoft.AspNetCore.Identity;

namespace DsarEngine.Server.Accounts;

// The person's passkeys (staff_passkeys, migration 0028). Identity's PasskeyHandler checks the WebAuthn ceremonies; this
// keeps what it found: the public key, the signature counter it compares next time, and the person's own name for it.
// Every write names the person's organisation beside their id, so the row's tenant is always the person's.
internal sealed partial class StaffUserStore : IUserPasskeyStore<StaffUser>
{
    private const string PasskeyColumns = """
        credential_id, public_key, created_at, sign_count, transports, is_user_verified, is_backup_eligible, is_backed_up,
        attestation_object, client_data_json, name
        """;

    // The credential id is the key: a second person cannot take over a credential already registered (the insert fails),
    // and an update (after a sign-in: the new counter) only ever touches the owner's row.
    private const string UpsertPasskeySql = """
        INSERT INTO staff_passkeys (credential_id, tenant_id, user_id, public_key, sign_count, transports, is_user_verified,
            is_backup_eligible, is_backed_up, attestation_object, client_data_json, name, created_at)
        VALUES (@CredentialId, @TenantId, @UserId, @PublicKey, @SignCount, @Transports, @IsUserVerified, @IsBackupEligible,
            @IsBackedUp, @AttestationObject, @ClientDataJson, @Name, @CreatedAt)
        ON CONFLICT (credential_id) DO UPDATE SET sign_count = EXCLUDED.sign_count, is_user_verified = EXCLUDED.is_user_verified,
            is_backed_up = EXCLUDED.is_backed_up, name = EXCLUDED.name, last_used_at = @Now
        WHERE staff_passkeys.user_id = EXCLUDED.user_id AND staff_passkeys.tenant_id = EXCLUDED.tenant_id
        """;

    public async Task AddOrUpdatePasskeyAsync(StaffUser user, UserPasskeyInfo passkey, CancellationToken cancellationToken)
    {
        await using var c = await dataSource.OpenConnectionAsync(cancellationToken);
        var changed = await c.ExecuteAsync(new CommandDefinition(UpsertPasskeySql, new
        {
            passkey.CredentialId, user.TenantId, UserId = user.Id, passkey.PublicKey, SignCount = (long)passkey.SignCount,
            passkey.Transports, passkey.IsUserVerified, passkey.IsBackupEligible, passkey.IsBackedUp, passkey.AttestationObject,
            passkey.ClientDataJson, passkey.Name, passkey.CreatedAt, Now = clock.GetUtcNow(),
        }, cancellationToken: cancellationToken));
        // Identity checks that a new credential id is not registered yet; a row of someone else here is a bug or a race.
        if (changed != 1)
            throw new InvalidOperationException("This passkey is registered to another person.");
    }

    private const string PasskeysSql =
        $"SELECT {PasskeyColumns} FROM staff_passkeys WHERE user_id = @UserId AND tenant_id = @TenantId ORDER BY created_at, credential_id";

    public async Task<IList<UserPasskeyInfo>> GetPasskeysAsync(StaffUser user, CancellationToken cancellationToken)
    {
        await using var c = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await c.QueryAsync<PasskeyRow>(
            new CommandDefinition(PasskeysSql, new { UserId = user.Id, user.TenantId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.Info())];
    }

    private const string FindByPasskeySql =
        $"SELECT {Columns} FROM staff_passkeys p JOIN staff_users u ON u.id = p.user_id AND u.tenant_id = p.tenant_id " +
        "JOIN tenants t ON t.id = u.tenant_id WHERE p.credential_id = @CredentialId";

    public async Task<StaffUser?> FindByPasskeyIdAsync(byte[] credentialId, CancellationToken cancellationToken)
    {
        await using var c = await dataSource.OpenConnectionAsync(cancellationToken);
        return await c.QuerySingleOrDefaultAsync<StaffUser>(
            new CommandDefinition(FindByPasskeySql, new { CredentialId = credentialId }, cancellationToken: cancellationToken));
    }

    private const string FindPasskeySql =
        $"SELECT {PasskeyColumns} FROM staff_passkeys WHERE credential_id = @CredentialId AND user_id = @UserId AND tenant_id = @TenantId";

    public async Task<UserPasskeyInfo?> FindPasskeyAsync(StaffUser user, byte[] credentialId, CancellationToken cancellationToken)
    {
        await using var c = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await c.QuerySingleOrDefaultAsync<PasskeyRow>(new CommandDefinition(FindPasskeySql,
            new { CredentialId = credentialId, UserId = user.Id, user.TenantId }, cancellationToken: cancellationToken));
        return row?.Info();
    }

    private const string RemovePasskeySql =
        "DELETE FROM staff_passkeys WHERE credential_id = @CredentialId AND user_id = @UserId AND tenant_id = @TenantId";

    public async Task RemovePasskeyAsync(StaffUser user, byte[] credentialId, CancellationToken cancellationToken)
    {
        await using var c = await dataSource.OpenConnectionAsync(cancellationToken);
        await c.ExecuteAsync(new CommandDefinition(RemovePasskeySql,
            new { CredentialId = credentialId, UserId = user.Id, user.TenantId }, cancellationToken: cancellationToken));
    }

    // Filled by property (the engine's DateTimeOffset handler applies to properties, not to constructor parameters).
    private sealed record PasskeyRow(byte[] CredentialId, byte[] PublicKey, DateTimeOffset CreatedAt, long SignCount, string[]? Transports,
        bool IsUserVerified, bool IsBackupEligible, bool IsBackedUp, byte[] AttestationObject, byte[] ClientDataJson, string? Name)
    {
        private PasskeyRow() : this([], [], default, 0, null, false, false, false, [], [], null) { }

        public UserPasskeyInfo Info() => new(CredentialId, PublicKey, CreatedAt, (uint)SignCount, Transports, IsUserVerified,
            IsBackupEligible, IsBackedUp, AttestationObject, ClientDataJson) { Name = Name };
    }
}
