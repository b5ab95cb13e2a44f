using Dapper;
using DsarEngine.Workflows.Runtime;
using Npgsql;

namespace DsarEngine.Server.LegalHolds;

// A legal hold as stored (legal_holds); Ended set once an admin ended it (kept as the record that it existed).
internal sealed record StoredLegalHold(Guid Id, string Category, string LegalBasis, DateOnly? Until, string[] Systems,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? EndedAt, string? EndedBy);

// The organisation's legal-hold register (GDPR Art. 17(3)(b), (e)). Holds are ended, never deleted: the journal of an
// erasure refers to what was kept and why.
internal sealed class LegalHoldStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, category, legal_basis, until, systems, created_at, created_by, ended_at, ended_by";

    internal const string InForceSql = """
        SELECT category, legal_basis, until, systems FROM legal_holds
        WHERE tenant_id = @TenantId AND ended_at IS NULL AND (until IS NULL OR until >= @Today)
        ORDER BY created_at, id
        """;

    // Read inside a signal's transaction (with its other reads): the holds every erase command of this signal carries.
    public static IReadOnlyList<LegalHold> InForce(
        IEnumerable<(string Category, string LegalBasis, DateTime? Until, string[] Systems)> rows) =>
        [.. rows.Select(r => new LegalHold(r.Category, r.LegalBasis, r.Until is { } u ? DateOnly.FromDateTime(u) : null, r.Systems))];

    private const string ListSql = $"SELECT {Columns} FROM legal_holds WHERE tenant_id = @TenantId ORDER BY created_at, id";

    public async Task<IReadOnlyList<StoredLegalHold>> ListAsync(Guid tenantId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return [.. (await c.QueryAsync<Row>(new CommandDefinition(ListSql, new { TenantId = tenantId }, cancellationToken: ct)))
            .Select(r => r.ToStored())];
    }

    private const string InsertSql = """
        INSERT INTO legal_holds (id, tenant_id, category, legal_basis, until, systems, created_at, created_by)
        VALUES (@Id, @TenantId, @Category, @LegalBasis, @Until, @Systems, @CreatedAt, @CreatedBy)
        """;

    public async Task<StoredLegalHold> AddAsync(Guid tenantId, LegalHold hold, string by, DateTimeOffset now, CancellationToken ct)
    {
        var stored = new StoredLegalHold(Guid.CreateVersion7(now), hold.Category, hold.LegalBasis, hold.Until, [.. hold.Systems],
            now, by, null, null);
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            stored.Id, TenantId = tenantId, stored.Category, stored.LegalBasis, Until = stored.Until, stored.Systems,
            stored.CreatedAt, stored.CreatedBy,
        }, cancellationToken: ct));
        return stored;
    }

    private const string EndSql = $"""
        UPDATE legal_holds SET ended_at = @Now, ended_by = @By
        WHERE tenant_id = @TenantId AND id = @Id AND ended_at IS NULL
        RETURNING {Columns}
        """;

    // Null when there is no such hold in force in the organisation.
    public async Task<StoredLegalHold?> EndAsync(Guid tenantId, Guid id, string by, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return (await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(EndSql,
            new { TenantId = tenantId, Id = id, Now = now, By = by }, cancellationToken: ct)))?.ToStored();
    }

    // Dapper reads date as DateTime and timestamptz as DateTime: converted here. Materialised through the parameterless
    // constructor and init setters (a text[] column arrives as Array for constructor mapping).
    private sealed record Row(Guid Id, string Category, string LegalBasis, DateTime? Until, string[] Systems, DateTime CreatedAt,
        string CreatedBy, DateTime? EndedAt, string? EndedBy)
    {
        private Row() : this(Guid.Empty, "", "", null, [], default, "", null, null) { }

        public StoredLegalHold ToStored() => new(Id, Category, LegalBasis, Until is { } u ? DateOnly.FromDateTime(u) : null, Systems,
            new DateTimeOffset(CreatedAt, TimeSpan.Zero), CreatedBy, EndedAt is { } e ? new DateTimeOffset(e, TimeSpan.Zero) : null,
            EndedBy);
    }
}
