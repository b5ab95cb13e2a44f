using System.Security.Claims;
using Dapper;
using DsarEngine.Workflows.Security;
using Npgsql;

namespace DsarEngine.Server.Accounts;

// An admin changes a person's role, or disables and enables them. Never the last admin who can sign in: an organisation
// without one could not manage its people again. Each change renews the person's security stamp, so their open
// sessions take it up (or end) at the next stamp check (AccountsSetup: within a minute).
internal sealed class StaffAccess(NpgsqlDataSource dataSource)
{
    private sealed record Row(Guid Id, string Role, DateTimeOffset? LockoutEnd, bool HasPassword)
    {
        private Row() : this(default, "", null, false) { }

        public bool ActiveAdmin => Role == StaffRoles.Admin && HasPassword && !StaffAdmins.IsDisabled(LockoutEnd);
    }

    // The organisation's admins and the target, locked in one order: two admins demoting each other at the same moment
    // are serialised here, and the second sees that only one admin would be left.
    private const string LockSql = """
        SELECT id, role, lockout_end, password_hash IS NOT NULL AS has_password FROM staff_users
        WHERE tenant_id = @TenantId AND (role = 'admin' OR id = @Id) ORDER BY id FOR UPDATE
        """;

    private const string UpdateSql = """
        UPDATE staff_users SET role = @Role, lockout_end = @LockoutEnd,
            access_failed_count = COALESCE(@AccessFailedCount, access_failed_count),
            security_stamp = @Stamp, concurrency_stamp = @Concurrency
        WHERE id = @Id AND tenant_id = @TenantId
        """;

    public Task<StaffChangeResult> ChangeRoleAsync(ClaimsPrincipal by, Guid userId, string role, CancellationToken ct) =>
        StaffRoles.All.Contains(role)
            ? ChangeAsync(by, userId, target => (role, target.LockoutEnd, (int?)null), ct)
            : Task.FromResult(StaffChangeResult.Invalid($"Choose a role: {string.Join(", ", StaffRoles.All)}."));

    // Disabled people keep their name in the journal (people are never deleted) but cannot sign in.
    public Task<StaffChangeResult> SetDisabledAsync(ClaimsPrincipal by, Guid userId, bool disabled, CancellationToken ct) =>
        ChangeAsync(by, userId, target => (target.Role, disabled ? StaffAdmins.DisabledUntil : null, (int?)0), ct, refuseSelf: disabled);

    private async Task<StaffChangeResult> ChangeAsync(ClaimsPrincipal by, Guid userId,
        Func<Row, (string Role, DateTimeOffset? LockoutEnd, int? Failed)> change,
        CancellationToken ct, bool refuseSelf = false)
    {
        if (StaffAdmins.TenantOf(by) is not { } tenantId)
            return StaffChangeResult.Of(StaffChange.Refused);
        if (refuseSelf && by.FindFirstValue(ClaimTypes.NameIdentifier) == userId.ToString())
            return StaffChangeResult.Of(StaffChange.Self);
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var rows = (await c.QueryAsync<Row>(
            new CommandDefinition(LockSql, new { TenantId = tenantId, Id = userId }, tx, cancellationToken: ct))).ToList();
        if (rows.FirstOrDefault(r => r.Id == userId) is not { } target)
            return StaffChangeResult.Of(StaffChange.NotFound);
        var (role, lockoutEnd, failed) = change(target);
        var after = target with { Role = role, LockoutEnd = lockoutEnd };
        if (target.ActiveAdmin && !after.ActiveAdmin && !rows.Any(r => r.Id != userId && r.ActiveAdmin))
            return StaffChangeResult.Of(StaffChange.LastAdmin);
        await c.ExecuteAsync(new CommandDefinition(UpdateSql, new
        {
            Id = userId, TenantId = tenantId, Role = role, LockoutEnd = lockoutEnd, AccessFailedCount = failed,
            Stamp = Guid.NewGuid().ToString("N").ToUpperInvariant(), Concurrency = Guid.NewGuid().ToString(),
        }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return StaffChangeResult.Done;
    }
}
