using Dapper;
using Npgsql;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Server.PostMortemInstructions;

// One post-mortem record as staff read it: the request it came with, and the instruction's fields (LIL art. 85).
internal sealed record PostMortemRecord(
    string Reference, DateTimeOffset ReceivedAt, string Kind, string? Action, string[] Scope, string? DesigneeName,
    string? DesigneeEmail, string? DiedOn, string? RevokedBy)
{
    private PostMortemRecord() : this("", default, "", null, [], null, null, null, null) { }
}

// Structured post-mortem instructions (post_mortem_instructions, migration 0042), written in the intake transaction.
internal sealed class PostMortemStore(NpgsqlDataSource dataSource)
{
    private const string InsertSql = """
        INSERT INTO post_mortem_instructions (request_id, tenant_id, kind, action, scope, designee_name, designee_email, died_on)
        VALUES (@RequestId, @TenantId, @Kind, @Action, @Scope, @DesigneeName, @DesigneeEmail, @DiedOn)
        """;

    // "Révocables à tout moment": a revocation marks every earlier, unrevoked instruction of the same subject.
    private const string RevokeSql = """
        UPDATE post_mortem_instructions p SET revoked_by = @RequestId
        FROM requests r
        WHERE p.tenant_id = @TenantId AND p.request_id = r.id AND p.kind = 'instructions' AND p.revoked_by IS NULL
          AND lower(r.subject ->> 'email') = lower(@Email) AND p.request_id <> @RequestId
        """;

    public static async Task WriteAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid tenantId, Guid requestId, string? email,
        PostMortem p, CancellationToken ct)
    {
        await c.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            RequestId = requestId, TenantId = tenantId, p.Kind, p.Action, Scope = p.Scope.ToArray(), DesigneeName = p.Designee?.Name,
            DesigneeEmail = p.Designee?.Email, DiedOn = p.DiedOn,
        }, tx, cancellationToken: ct));
        if (p.Kind == PostMortem.Revocation && email is not null)
            await c.ExecuteAsync(new CommandDefinition(RevokeSql,
                new { TenantId = tenantId, RequestId = requestId, Email = email }, tx, cancellationToken: ct));
    }

    private const string ForSubjectSql = """
        SELECT r.reference, r.received_at, p.kind, p.action, p.scope, p.designee_name, p.designee_email,
               to_char(p.died_on, 'YYYY-MM-DD') AS died_on,
               (SELECT v.reference FROM requests v WHERE v.id = p.revoked_by) AS revoked_by
        FROM post_mortem_instructions p JOIN requests r ON r.id = p.request_id
        WHERE p.tenant_id = @TenantId
          AND lower(r.subject ->> 'email') = lower((SELECT q.subject ->> 'email' FROM requests q
                                                    WHERE q.tenant_id = @TenantId AND q.reference = @Reference))
        ORDER BY r.received_at, r.reference
        """;

    // Every post-mortem record of the subject of this request, oldest first: what the designee or an heir asks to carry
    // out is the instructions not revoked.
    private const string DesigneeSql = """
        SELECT designee_email FROM post_mortem_instructions
        WHERE tenant_id = @TenantId AND request_id = @RequestId AND kind = 'instructions' AND revoked_by IS NULL
        """;

    // The address of the person these instructions designate, if they name one and are not revoked.
    public static async Task<string?> DesigneeEmailAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid tenantId, Guid requestId,
        CancellationToken ct) =>
        await c.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            DesigneeSql, new { TenantId = tenantId, RequestId = requestId }, tx, cancellationToken: ct));

    public async Task<IReadOnlyList<PostMortemRecord>> ForSubjectAsync(Guid tenantId, string reference, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return [.. await c.QueryAsync<PostMortemRecord>(
            new CommandDefinition(ForSubjectSql, new { TenantId = tenantId, Reference = reference }, cancellationToken: ct))];
    }
}
