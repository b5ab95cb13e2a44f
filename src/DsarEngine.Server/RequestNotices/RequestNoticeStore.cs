using Dapper;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Requests;
using Npgsql;

namespace DsarEngine.Server.RequestNotices;

// Kind: recipient (GDPR Art. 19, reported by a system) or controller (Art. 17(2), another controller to inform of an
// erasure of data made public). NotifiedAt/By/Method: the record that it was done.
internal sealed record RequestNotice(Guid Id, string Kind, string System, string Recipient, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? NotifiedAt, string? NotifiedBy, string? Method);

internal static class RequestNoticeKinds
{
    public const string Recipient = "recipient";
    public const string Controller = "controller";
}

// Whom a request's outcome must reach, and whether it did (request_notices).
internal sealed class RequestNoticeStore(NpgsqlDataSource dataSource)
{
    private const string InsertSql = """
        INSERT INTO request_notices (id, tenant_id, request_id, kind, system, recipient, created_at, created_by)
        VALUES (@Id, @TenantId, @RequestId, @Kind, @System, @Recipient, @CreatedAt, @CreatedBy)
        ON CONFLICT (request_id, kind, system, recipient) DO NOTHING
        """;

    // The notify-recipients step's recipients, in its signal's transaction; a second run adds nothing.
    public static IEnumerable<Platform.SqlStatement> AddRecipients(StoredRequest request, IReadOnlyList<RecipientToNotify> recipients,
        DateTimeOffset now) =>
        recipients.Select(r => new Platform.SqlStatement(InsertSql, new
        {
            Id = Guid.CreateVersion7(now), request.TenantId, RequestId = request.Id, Kind = RequestNoticeKinds.Recipient,
            r.System, Recipient = r.Recipient.Length > 200 ? r.Recipient[..200] : r.Recipient, CreatedAt = now, CreatedBy = "engine",
        }));

    // A person adds one (a controller to inform, or a recipient no system reported). False: it was there already.
    public async Task<bool> AddAsync(StoredRequest request, string kind, string system, string recipient, string by,
        DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            Id = Guid.CreateVersion7(now), request.TenantId, RequestId = request.Id, Kind = kind, System = system, Recipient = recipient,
            CreatedAt = now, CreatedBy = by,
        }, cancellationToken: ct)) == 1;
    }

    private const string ListSql = """
        SELECT id, kind, system, recipient, created_at, created_by, notified_at, notified_by, method FROM request_notices
        WHERE tenant_id = @TenantId AND request_id = @RequestId ORDER BY kind DESC, system, recipient
        """;

    public async Task<IReadOnlyList<RequestNotice>> ListAsync(Guid tenantId, Guid requestId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return [.. (await c.QueryAsync<Row>(new CommandDefinition(ListSql, new { TenantId = tenantId, RequestId = requestId },
            cancellationToken: ct))).Select(r => r.ToNotice())];
    }

    private const string DoneSql = """
        UPDATE request_notices SET notified_at = @Now, notified_by = @By, method = @Method
        WHERE tenant_id = @TenantId AND request_id = @RequestId AND id = @Id AND notified_at IS NULL
        """;

    // False when there is no such notice of the request not yet done.
    public async Task<bool> MarkNotifiedAsync(Guid tenantId, Guid requestId, Guid id, string by, string method, DateTimeOffset now,
        CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition(DoneSql,
            new { TenantId = tenantId, RequestId = requestId, Id = id, Now = now, By = by, Method = method }, cancellationToken: ct)) == 1;
    }

    private sealed record Row(Guid Id, string Kind, string System, string Recipient, DateTime CreatedAt, string CreatedBy,
        DateTime? NotifiedAt, string? NotifiedBy, string? Method)
    {
        public RequestNotice ToNotice() => new(Id, Kind, System, Recipient, new DateTimeOffset(CreatedAt, TimeSpan.Zero), CreatedBy,
            NotifiedAt is { } n ? new DateTimeOffset(n, TimeSpan.Zero) : null, NotifiedBy, Method);
    }
}
