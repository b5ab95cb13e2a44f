using Dapper;
using Npgsql;
using DsarEngine.Workflows.Journal;
using DsarEngine.Server.Mail;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Tenants;
using DsarEngine.Server.Workflow;

namespace DsarEngine.Server.Requests;

internal sealed class RequestStore(NpgsqlDataSource dataSource)
{
    private const string FindByKeySql = "SELECT fingerprint, request_id FROM idempotency_keys WHERE tenant_id = @TenantId AND key = @Key";

    private const string FindByIdSql = $"SELECT {StoredRequest.Columns} FROM requests WHERE tenant_id = @TenantId AND id = @Id";

    private static async Task<SubmitOutcome> ReplayAsync(
        NpgsqlConnection connection, Guid tenantId, IdempotencyClaim claim, CancellationToken ct)
    {
        var (fingerprint, requestId) = await connection.QuerySingleAsync<(byte[], Guid)>(
            new CommandDefinition(FindByKeySql, new { TenantId = tenantId, claim.Key }, cancellationToken: ct));
        if (!fingerprint.AsSpan().SequenceEqual(claim.Fingerprint))
            return new SubmitOutcome(SubmitResult.KeyReused, null);
        var existing = await connection.QuerySingleAsync<StoredRequest>(
            new CommandDefinition(FindByIdSql, new { TenantId = tenantId, Id = requestId }, cancellationToken: ct));
        return new SubmitOutcome(SubmitResult.Replayed, existing);
    }

    public async Task<StoredRequest?> FindByIdAsync(Guid tenantId, Guid id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<StoredRequest>(
            new CommandDefinition(FindByIdSql, new { TenantId = tenantId, Id = id }, cancellationToken: ct));
    }

    private const string FindByReferenceSql = $"SELECT {StoredRequest.Columns} FROM requests WHERE reference = @Reference";

    // Public status lookups know only the reference (globally unique); the caller then checks the token.
    public async Task<StoredRequest?> FindByReferenceAsync(string reference, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<StoredRequest>(
            new CommandDefinition(FindByReferenceSql, new { Reference = reference }, cancellationToken: ct));
    }

    private const string FindForTenantSql =
        $"SELECT {StoredRequest.Columns} FROM requests WHERE tenant_id = @TenantId AND reference = @Reference";

    public async Task<StoredRequest?> FindAsync(Guid tenantId, string reference, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<StoredRequest>(
            new CommandDefinition(FindForTenantSql, new { TenantId = tenantId, Reference = reference }, cancellationToken: ct));
    }

    private const string ListSql = $"""
        SELECT {StoredRequest.Columns} FROM requests
        WHERE tenant_id = @TenantId AND (@Status::text IS NULL OR status = @Status)
        ORDER BY received_at DESC, id
        LIMIT @Limit OFFSET @Offset
        """;

    public async Task<IReadOnlyList<StoredRequest>> ListAsync(Guid tenantId, string? status, int limit, int offset, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<StoredRequest>(new CommandDefinition(ListSql,
            new { TenantId = tenantId, Status = status, Limit = limit, Offset = offset }, cancellationToken: ct));
        return rows.AsList();
    }

    // No ON CONFLICT: a key already claimed fails the whole batch (nothing of it stays), and the submission is a replay.
    private const string ClaimKeySql = """
        INSERT INTO idempotency_keys (tenant_id, key, fingerprint, request_id, created_at)
        VALUES (@TenantId, @Key, @Fingerprint, @RequestId, @CreatedAt)
        """;

    private const string ClaimedKeyConstraint = "idempotency_keys_pkey";

    private const string InsertSql = """
        INSERT INTO requests (id, tenant_id, reference, status_token_hash, right_kind, purpose, subject, details,
            channel, jurisdiction, regime, language, status, received_at, created_at, version,
            time_zone, received_on, initial_due, extension_notice_by, extended_due, acknowledge_by, effective_due, due_at,
            extended, extension_method, stops, changes, restriction_ground, subject_location, law_steps,
            supplementary_statement, transmit_to, global_privacy_control)
        VALUES (@Id, @TenantId, @Reference, @StatusTokenHash, @RightKind, @Purpose, @Subject::jsonb, @Details,
            @Channel, @Jurisdiction, @Regime, @Language, @Status, @ReceivedAt, @CreatedAt, @Version,
            @TimeZone, @ReceivedOn, @InitialDue, @ExtensionNoticeBy, @ExtendedDue, @AcknowledgeBy, @EffectiveDue, @DueAt,
            @Extended, @ExtensionMethod, @Stops::jsonb, @Changes::jsonb, @RestrictionGround, @SubjectLocation, @LawSteps::jsonb,
            @SupplementaryStatement, @TransmitTo::jsonb, @GlobalPrivacyControl)
        """;

    // Everything the subject submitted is committed before the API answers 202: a crash after that loses nothing.
    // The key's claim, the request, its journal entry, its acknowledgement and its workflow go to PostgreSQL as one batch:
    // one round trip, one implicit transaction. What comes with some requests only (documents, a representative, a
    // processor's log entry) needs its own statements, so those requests use an explicit transaction around the batch.
    public async Task<SubmitOutcome> SubmitAsync(StoredRequest request, JournalEntry received, MailDraft? mail,
        IdempotencyClaim? claim, CancellationToken ct, WorkflowStart? workflow = null, RoutingRecord? routing = null,
        IntakeAttachments? attachments = null, IReadOnlyList<SqlStatement>? guards = null)
    {
        var statements = new List<SqlStatement>(guards ?? []);
        if (claim is not null)
            statements.Add(new(ClaimKeySql,
                new { request.TenantId, claim.Key, claim.Fingerprint, RequestId = request.Id, request.CreatedAt }));
        statements.Add(new(InsertSql, request));
        // (Open inbox pages hear of it through the journal entry's notice.)
        statements.AddRange(JournalStore.Append(received));
        if (mail is not null)
            statements.Add(MailboxStore.Enqueue(request.TenantId, request.Id, mail, request.CreatedAt));
        if (workflow is not null)
            statements.AddRange(WorkflowStart.Statements(request, workflow));
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = attachments is null && routing is null ? null : await connection.BeginTransactionAsync(ct);
        try
        {
            await SqlBatch.ExecuteAsync(connection, tx, ct, statements);
        }
        catch (PostgresException e) when (claim is not null
            && e is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: ClaimedKeyConstraint })
        {
            if (tx is not null)
                await tx.RollbackAsync(ct);
            return await ReplayAsync(connection, request.TenantId, claim, ct);
        }
        catch (PostgresException e) when (TenantCache.Changed(e))
        {
            if (tx is not null)
                await tx.RollbackAsync(ct);
            return new SubmitOutcome(SubmitResult.SettingsChanged, null);
        }
        if (tx is null)
            return new SubmitOutcome(SubmitResult.Created, request);
        if (attachments is not null)
            await attachments(connection, tx, request, ct);
        // A request a processor passed on: its log entry commits with the request, so the proof cannot be missing.
        if (routing is not null)
            await WorkspaceStore.LogAsync(connection, tx, routing with { RoutedRequestId = request.Id }, ct);
        await tx.CommitAsync(ct);
        return new SubmitOutcome(SubmitResult.Created, request);
    }

    private const string InsertRepresentativeSql = """
        INSERT INTO request_representatives (request_id, tenant_id, relationship, name, email)
        VALUES (@RequestId, @TenantId, @Relationship, @Name, @Email)
        """;

    public static Task WriteRepresentativeAsync(NpgsqlConnection c, NpgsqlTransaction tx, StoredRequest request,
        Workflows.Requests.Representative representative, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(InsertRepresentativeSql, new
        {
            RequestId = request.Id, request.TenantId, representative.Relationship, representative.Name, representative.Email,
        }, tx, cancellationToken: ct));

    private const string FindRepresentativeSql = """
        SELECT relationship, name, email FROM request_representatives WHERE tenant_id = @TenantId AND request_id = @RequestId
        """;

    public async Task<Workflows.Requests.Representative?> FindRepresentativeAsync(Guid tenantId, Guid requestId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await c.QuerySingleOrDefaultAsync<Workflows.Requests.Representative>(new CommandDefinition(
            FindRepresentativeSql, new { TenantId = tenantId, RequestId = requestId }, cancellationToken: ct));
    }
}
