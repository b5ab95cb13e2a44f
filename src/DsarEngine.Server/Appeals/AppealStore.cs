using Dapper;
using Npgsql;

namespace DsarEngine.Server.Appeals;

// The request an appeal names, as the appeal needs it: its law, place, language, who made it and how it ended.
internal sealed record AppealedRequest(
    Guid Id, string Reference, string Regime, string Jurisdiction, string Language, string? TimeZone, string? SubjectEmail,
    string Status, string? Outcome, bool Appealed)
{
    // A refusal, whole or partial, once the subject was told of it (the request is finished): VA §59.1-577(C) appeals a
    // "refusal to take action", and a partial answer refuses the rest (the conservative reading, docs/rights.md#appeals).
    public bool Refused => Outcome is "refused" or "partial"
        && Status is Workflows.Requests.RequestStatus.Refused or Workflows.Requests.RequestStatus.Completed
            or Workflows.Requests.RequestStatus.Closed;
}

// The request an appeal appeals, as its letter names it.
internal sealed record AppealLink(string Reference, string Regime, string RightKind);

// An appeal's link to the request it appeals (request_appeals, migration 0042).
internal sealed class AppealStore(NpgsqlDataSource dataSource)
{
    private const string FindAppealedSql = """
        SELECT r.id, r.reference, r.regime, r.jurisdiction, r.language, r.time_zone, r.subject ->> 'email' AS subject_email,
               r.status, i.state ->> 'outcome' AS outcome,
               EXISTS (SELECT 1 FROM request_appeals a WHERE a.tenant_id = r.tenant_id AND a.appealed_request_id = r.id) AS appealed
        FROM requests r LEFT JOIN workflow_instances i ON i.request_id = r.id
        WHERE r.tenant_id = @TenantId AND r.reference = @Reference
        """;

    public async Task<AppealedRequest?> FindAppealedAsync(Guid tenantId, string reference, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<AppealedRequest>(
            new CommandDefinition(FindAppealedSql, new { TenantId = tenantId, Reference = reference }, cancellationToken: ct));
    }

    private const string InsertSql = """
        INSERT INTO request_appeals (request_id, tenant_id, appealed_request_id) VALUES (@RequestId, @TenantId, @AppealedId)
        """;

    public static Task WriteAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid requestId, Guid tenantId, Guid appealedId,
        CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(InsertSql,
            new { RequestId = requestId, TenantId = tenantId, AppealedId = appealedId }, tx, cancellationToken: ct));

    private const string FindAppealSql = """
        SELECT r.reference, r.regime, r.right_kind FROM request_appeals a JOIN requests r ON r.id = a.appealed_request_id
        WHERE a.tenant_id = @TenantId AND a.request_id = @RequestId
        """;

    // For an appeal: the request it appeals (reference, regime, right); null for any other request.
    public async Task<AppealLink?> FindAppealedByAsync(Guid tenantId, Guid appealId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<AppealLink>(
            new CommandDefinition(FindAppealSql, new { TenantId = tenantId, RequestId = appealId }, cancellationToken: ct));
    }

    private const string FindAppealOfSql = """
        SELECT r.reference FROM request_appeals a JOIN requests r ON r.id = a.request_id
        WHERE a.tenant_id = @TenantId AND a.appealed_request_id = @RequestId
        """;

    // The reference of the appeal of this request, if it was appealed.
    public async Task<string?> FindAppealOfAsync(Guid tenantId, Guid requestId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string?>(
            new CommandDefinition(FindAppealOfSql, new { TenantId = tenantId, RequestId = requestId }, cancellationToken: ct));
    }
}
