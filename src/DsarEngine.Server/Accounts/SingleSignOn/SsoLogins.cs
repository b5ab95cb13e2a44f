using Dapper;
using Npgsql;

namespace DsarEngine.Server.Accounts.SingleSignOn;

// Which staff user a person of the organisation's IdP is: by the IdP's issuer and subject within the organisation,
// never by e-mail across organisations. The row's composite key makes a cross-organisation link impossible (0030).
internal sealed class SsoLogins(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const string FindSql = """
        SELECT user_id FROM staff_external_logins WHERE tenant_id = @TenantId AND issuer = @Issuer AND subject = @Subject
        """;

    public async Task<Guid?> FindUserAsync(Guid tenantId, string issuer, string subject, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await c.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(FindSql,
            new { TenantId = tenantId, Issuer = issuer, Subject = subject }, cancellationToken: ct));
    }

    private const string LinkSql = """
        INSERT INTO staff_external_logins (tenant_id, issuer, subject, user_id, created_at, last_used_at)
        VALUES (@TenantId, @Issuer, @Subject, @UserId, @Now, @Now)
        ON CONFLICT DO NOTHING
        """;

    // False when the user already has another subject at this issuer (or the subject already names someone).
    public async Task<bool> LinkAsync(Guid tenantId, string issuer, string subject, Guid userId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition(LinkSql, new
        {
            TenantId = tenantId, Issuer = issuer, Subject = subject, UserId = userId, Now = clock.GetUtcNow(),
        }, cancellationToken: ct)) == 1;
    }

    private const string TouchSql = """
        UPDATE staff_external_logins SET last_used_at = @Now WHERE tenant_id = @TenantId AND issuer = @Issuer AND subject = @Subject
        """;

    public async Task TouchAsync(Guid tenantId, string issuer, string subject, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(TouchSql,
            new { TenantId = tenantId, Issuer = issuer, Subject = subject, Now = clock.GetUtcNow() }, cancellationToken: ct));
    }
}
