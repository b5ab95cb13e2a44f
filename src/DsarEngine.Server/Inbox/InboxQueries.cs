using Dapper;
using Npgsql;

namespace DsarEngine.Server.Inbox;

internal sealed record InboxRow(Guid Id, string Reference, string Right, string Channel, string Status, DateTimeOffset ReceivedAt, DateTimeOffset? DueAt)
{
    private InboxRow() : this(default, "", "", "", "", default, null) { }
}

// What the inbox lists, read straight from the requests table of the signed-in person's organisation.
internal sealed class InboxQueries(NpgsqlDataSource dataSource)
{
    private const string ListSql = """
        SELECT id, reference, right_kind AS right, channel, status, received_at, due_at FROM requests
        WHERE tenant_id = @TenantId ORDER BY received_at DESC, id DESC LIMIT 50
        """;

    public async Task<IReadOnlyList<InboxRow>> ListAsync(Guid tenantId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return [.. await c.QueryAsync<InboxRow>(new CommandDefinition(ListSql, new { TenantId = tenantId }, cancellationToken: ct))];
    }
}
