using Dapper;
using DsarEngine.Workflows.Journal;

namespace DsarEngine.Workflows.Persistence;

internal sealed partial class RequestStore
{
    private const string LockSql = $"SELECT {StoredRequest.Columns} FROM requests WHERE tenant_id = @TenantId AND reference = @Reference FOR UPDATE";

    private const string UpdateSql = """
        UPDATE requests SET status = @Status, regime = @Regime, jurisdiction = @Jurisdiction, time_zone = @TimeZone,
            received_on = @ReceivedOn, initial_due = @InitialDue, extension_notice_by = @ExtensionNoticeBy,
            extended_due = @ExtendedDue, acknowledge_by = @AcknowledgeBy, effective_due = @EffectiveDue, due_at = @DueAt,
            extended = @Extended, extension_method = @ExtensionMethod, stops = @Stops::jsonb, version = version + 1
        WHERE tenant_id = @TenantId AND id = @Id AND version = @Version
        """;

    private const string LastEntrySql = """
        SELECT tenant_id, request_id, seq, at, actor, kind, data::text AS data, prev_hash, hash
        FROM request_journal WHERE request_id = @Id ORDER BY seq DESC LIMIT 1
        """;

    // One transaction per command: lock the row, let the (pure) decision see the current state, save the new
    // state with a version check and append the journal line that says who did it and why.
    public async Task<ChangeOutcome> ChangeAsync(Guid tenantId, string reference, string actor, DateTimeOffset now,
        Func<StoredRequest, RequestChange> decide, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var current = await connection.QuerySingleOrDefaultAsync<StoredRequest>(
            new CommandDefinition(LockSql, new { TenantId = tenantId, Reference = reference }, tx, cancellationToken: ct));
        if (current is null)
            return new ChangeOutcome.NotFound();
        switch (decide(current))
        {
            case RequestChange.Refuse refuse:
                return new ChangeOutcome.Refused(refuse.Slug, refuse.Reason);
            case RequestChange.Apply apply:
                var updated = apply.Updated with { Version = current.Version + 1 };
                var rows = await connection.ExecuteAsync(new CommandDefinition(UpdateSql, apply.Updated with { Version = current.Version }, tx, cancellationToken: ct));
                if (rows != 1)
                    throw new InvalidOperationException($"Request {current.Id} changed under a row lock; this is a bug.");
                var last = await connection.QuerySingleAsync<JournalEntry>(new CommandDefinition(LastEntrySql, new { current.Id }, tx, cancellationToken: ct));
                await JournalStore.AppendAsync(connection, tx, JournalChain.Append(last, tenantId, current.Id, now, actor, apply.Kind, apply.JournalData), ct);
                if (apply.Mail is not null)
                    await MailboxStore.EnqueueAsync(connection, tx, tenantId, current.Id, apply.Mail, now, ct);
                await tx.CommitAsync(ct);
                return new ChangeOutcome.Changed(updated);
            default:
                throw new InvalidOperationException("Unknown change.");
        }
    }
}
