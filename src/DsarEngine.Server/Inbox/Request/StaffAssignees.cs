using System.Security.Claims;
using Dapper;
using DsarEngine.Server.Accounts;
using DsarEngine.Workflows.Security;
using Npgsql;

namespace DsarEngine.Server.Inbox.Request;

internal sealed record Assignee(Guid Id, string DisplayName, string Role, DateTimeOffset? LockoutEnd)
{
    private Assignee() : this(default, "", "", null) { }

    public bool Disabled => StaffAdmins.IsDisabled(LockoutEnd);
}

// Who may be given a request: a person of the same organisation, not disabled, whose role works requests (an auditor
// changes nothing, so a request assigned to them would sit there).
internal sealed class StaffAssignees(NpgsqlDataSource dataSource)
{
    private const string ListSql = """
        SELECT id, display_name, role, lockout_end FROM staff_users
        WHERE tenant_id = @TenantId AND role IN ('admin', 'privacy-officer', 'agent') ORDER BY display_name, id
        """;

    public async Task<IReadOnlyList<Assignee>> ListAsync(Guid tenantId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var people = await c.QueryAsync<Assignee>(new CommandDefinition(ListSql, new { TenantId = tenantId }, cancellationToken: ct));
        return [.. people.Where(p => !p.Disabled)];
    }

    private const string FindSql = "SELECT id, display_name, role, lockout_end FROM staff_users WHERE id = @Id AND tenant_id = @TenantId";

    public static Task<Assignee?> FindAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid tenantId, Guid id, CancellationToken ct) =>
        c.QuerySingleOrDefaultAsync<Assignee>(
            new CommandDefinition(FindSql, new { Id = id, TenantId = tenantId }, tx, cancellationToken: ct));

    // Why this person cannot be given a request, or null if they can. Another organisation's person reads as unknown.
    public static string? Unassignable(Assignee? person) => person switch
    {
        null => "This person is not in your organisation.",
        { Disabled: true } => $"{person.DisplayName} is disabled and cannot be given requests.",
        _ when !StaffRoles.Writers.Contains(person.Role) => $"{person.DisplayName} is an auditor: an auditor changes nothing.",
        _ => null,
    };

    // The signed-in person's staff id (Identity's user id claim); none for an API key.
    public static Guid? IdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
