using System.Security.Claims;
using System.Text.Json;
using Dapper;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Requests;
using DsarEngine.Workflows.Journal;
using DsarEngine.Workflows.Security;
using Npgsql;

namespace DsarEngine.Server.Inbox.Request;

internal enum AssignOutcome { Assigned, Unchanged, Refused, NotFound, UnknownPerson, Stale }

internal sealed record AssignResult(AssignOutcome Outcome, string Message)
{
    public bool Succeeded => Outcome is AssignOutcome.Assigned or AssignOutcome.Unchanged;
}

// Who works a request. Officers and admins assign anyone of the organisation who may write; an agent takes an unassigned
// request for themselves or gives their own back; an auditor changes nothing. The rules are checked here, on the
// principal of the moment (a hidden button is a courtesy), under the request row's lock, with the assignee the page
// showed: if someone else assigned it meanwhile, that is explained and nothing changes. The change is journaled in the
// request's hash chain with the actor, and open inbox pages of the organisation hear of it at commit.
internal sealed class RequestAssignment(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const string LockSql = """
        SELECT r.id, r.assignee_id, a.display_name AS assignee_name FROM requests r
        LEFT JOIN staff_users a ON a.id = r.assignee_id
        WHERE r.tenant_id = @TenantId AND r.reference = @Reference FOR UPDATE OF r
        """;

    private const string UpdateSql = "UPDATE requests SET assignee_id = @Assignee WHERE id = @Id AND tenant_id = @TenantId";

    private const string CurrentSql = """
        SELECT r.id, r.assignee_id, a.display_name AS assignee_name FROM requests r
        LEFT JOIN staff_users a ON a.id = r.assignee_id
        WHERE r.tenant_id = @TenantId AND r.reference = @Reference
        """;

    // Who the request is assigned to now (id and name), for the request page; null if the reference is not the tenant's.
    public async Task<(Guid? Id, string? Name)?> CurrentAsync(Guid tenantId, string reference, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<Locked>(
            new CommandDefinition(CurrentSql, new { TenantId = tenantId, Reference = reference }, cancellationToken: ct));
        return row is null ? null : (row.AssigneeId, row.AssigneeName);
    }

    // seen: the assignee the person saw when they chose (null: unassigned). assignee null takes the assignee off.
    public async Task<AssignResult> AssignAsync(ClaimsPrincipal by, string reference, Guid? assignee, Guid? seen, CancellationToken ct)
    {
        if (Refusal(by) is { } refused)
            return refused;
        var tenantId = by.Tenant();
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<Locked>(
            new CommandDefinition(LockSql, new { TenantId = tenantId, Reference = reference }, tx, cancellationToken: ct));
        if (row is null)
            return new(AssignOutcome.NotFound, "This request is not in your organisation. Nothing was changed.");
        if (row.AssigneeId != seen)
            return new(AssignOutcome.Stale, $"Someone else changed the assignee since the page was loaded: it is now "
                + $"{row.AssigneeName ?? "unassigned"}. Nothing was changed. Check the page again before assigning.");
        if (AgentRefusal(by, row.AssigneeId, assignee) is { } agentRefused)
            return agentRefused;
        if (row.AssigneeId == assignee)
            return new(AssignOutcome.Unchanged, $"Nothing to change: the request is already {Describe(row.AssigneeName)}.");
        string? name = null;
        if (assignee is { } id)
        {
            var person = await StaffAssignees.FindAsync(c, tx, tenantId, id, ct);
            if (StaffAssignees.Unassignable(person) is { } why)
                return new(AssignOutcome.UnknownPerson, $"{why} Nothing was changed.");
            name = person!.DisplayName;
        }
        await c.ExecuteAsync(new CommandDefinition(UpdateSql, new { Assignee = assignee, row.Id, TenantId = tenantId }, tx,
            cancellationToken: ct));
        // Ids and the names shown on screen: the journal must say who was given the work, even after a rename.
        var data = JsonSerializer.Serialize(
            new { assignee, assigneeName = name, previous = row.AssigneeId, previousName = row.AssigneeName });
        await JournalStore.AppendEventAsync(c, tx, tenantId, row.Id, clock.GetUtcNow(), by.Actor(),
            assignee is null ? JournalKinds.Unassigned : JournalKinds.Assigned, data, ct); // tells open pages too
        await tx.CommitAsync(ct);
        return new(AssignOutcome.Assigned, $"Done: the request is now {Describe(name)}.");
    }

    // Issue 13: an agent works the requests assigned to them. The workflow definitions name no roles per decision, so this
    // is the whole of the agent's limit: on their own requests an agent takes every action the current step offers.
    // A refusal in words, or null if the person may act (officers and admins always; an unknown reference is left to the
    // action, which says it is not found).
    public async Task<string?> AgentMayNotActAsync(ClaimsPrincipal by, string reference, CancellationToken ct)
    {
        if (!by.IsInRole(StaffRoles.Agent) || by.IsInRole(StaffRoles.Admin) || by.IsInRole(StaffRoles.PrivacyOfficer))
            return null;
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<Locked>(new CommandDefinition(CurrentSql,
            new { TenantId = by.Tenant(), Reference = reference }, cancellationToken: ct));
        return row is null || (row.AssigneeId is { } assignee && assignee == StaffAssignees.IdOf(by))
            ? null
            : "An agent acts only on the requests assigned to them: take this request first if it is unassigned, or ask a "
                + "privacy officer to assign it to you. Nothing was changed.";
    }

    private static string Describe(string? name) => name is null ? "unassigned" : $"assigned to {name}";

    private static AssignResult? Refusal(ClaimsPrincipal by) =>
        by.Identity?.IsAuthenticated == true && by.FindFirst(StaffClaims.TenantId) is not null && StaffRoles.Writers.Any(by.IsInRole)
            ? null
            : new(AssignOutcome.Refused, "Your role can read but not assign requests. Nothing was changed.");

    // An agent works their own requests: they may take an unassigned one or give theirs back, nothing else.
    private static AssignResult? AgentRefusal(ClaimsPrincipal by, Guid? current, Guid? assignee)
    {
        if (by.IsInRole(StaffRoles.Admin) || by.IsInRole(StaffRoles.PrivacyOfficer))
            return null;
        var me = StaffAssignees.IdOf(by);
        var takes = me is not null && current is null && assignee == me;
        var givesBack = me is not null && current == me && assignee is null;
        return takes || givesBack || (me is not null && current == assignee && assignee == me)
            ? null
            : new(AssignOutcome.Refused, "An agent can take an unassigned request for themselves or give their own back; "
                + "a privacy officer or an admin assigns anyone else. Nothing was changed.");
    }

    private sealed record Locked(Guid Id, Guid? AssigneeId, string? AssigneeName)
    {
        private Locked() : this(default, null, null) { }
    }
}
