using Dapper;
using DsarEngine.Server.Requests;
using DsarEngine.Workflows.Journal;
using Npgsql;

namespace DsarEngine.Server.Retention;

// Purges what is due on one finished request in one transaction, and journals it: files first (exports, packs with their
// codes, documents), then the conversation and its mail, then the subject's fields. Proof of compliance stays: the row
// (reference, right, regime, dates, status), the workflow instance (outcome) and the hash-chained journal, which never held
// the subject's data and is not rewritten, so it still verifies.
internal static class RequestPurge
{
    private sealed record LockedRequest(string Status, DateTimeOffset? PurgedAt)
    {
        private LockedRequest() : this("", null) { }
    }

    // SKIP LOCKED: a request someone is working on right now is purged by a later run. The row lock is the one every
    // journal write outside a workflow transaction takes (JournalStore.AppendEventAsync), so the chain stays in order.
    private const string LockSql = "SELECT status, purged_at FROM requests WHERE id = @Id AND tenant_id = @TenantId FOR UPDATE SKIP LOCKED";

    // An export is stored as chunks: counted once.
    private const string ExportsSql = """
        WITH gone AS (DELETE FROM connector_exports WHERE tenant_id = @TenantId AND request_id = @Id RETURNING export_id)
        SELECT count(DISTINCT export_id)::int FROM gone
        """;

    // The one-time codes open the packs: they go with them.
    private const string PackCodesSql = "DELETE FROM pack_codes WHERE tenant_id = @TenantId AND request_id = @Id";

    private const string PacksSql = "DELETE FROM response_packs WHERE tenant_id = @TenantId AND request_id = @Id";

    private const string DocumentsSql = "DELETE FROM subject_documents WHERE tenant_id = @TenantId AND request_id = @Id";

    // Mail still waiting to be sent stays (the mail loop holds it); a message to the subject goes with its sent mail, and a
    // document the subject attached to a reply goes with the reply.
    private const string MessagesSql = """
        WITH gone AS (
            SELECT m.id FROM request_messages m LEFT JOIN mail_messages x ON x.id = m.mail_id
            WHERE m.tenant_id = @TenantId AND m.request_id = @Id AND (m.mail_id IS NULL OR x.sent_at IS NOT NULL OR x.dead_at IS NOT NULL)
        ), documents AS (
            DELETE FROM subject_documents d USING gone WHERE d.message_id = gone.id RETURNING d.id
        )
        SELECT (SELECT count(*) FROM documents)::int AS documents, array_agg(gone.id) AS ids FROM gone
        """;

    private const string DeleteMessagesSql = "DELETE FROM request_messages WHERE id = ANY(@Ids)";

    private const string MailSql = """
        DELETE FROM mail_messages WHERE tenant_id = @TenantId AND request_id = @Id AND (sent_at IS NOT NULL OR dead_at IS NOT NULL)
        """;

    // The subject's fields (e-mail address, name, identities), the free text, the changes asked for, the receiving
    // controller of a direct transmission (GDPR Art. 20(2)) and why it was not feasible, the notes, the representative,
    // the idempotency fingerprint, the sent bus messages that named the subject, and the keyed hash of a reported child's
    // identity (a child reported after this finds no earlier case and gets a new one).
    private const string PersonalDataSql = """
        DELETE FROM request_notes WHERE tenant_id = @TenantId AND request_id = @Id;
        DELETE FROM child_reports WHERE tenant_id = @TenantId AND request_id = @Id;
        DELETE FROM request_representatives WHERE tenant_id = @TenantId AND request_id = @Id;
        DELETE FROM idempotency_keys WHERE tenant_id = @TenantId AND request_id = @Id;
        DELETE FROM outbox WHERE tenant_id = @TenantId AND request_id = @Id AND (sent_at IS NOT NULL OR dead_at IS NOT NULL);
        UPDATE requests SET subject = '{"email":null,"name":null,"identities":[]}'::jsonb, details = NULL, changes = '[]'::jsonb,
            supplementary_statement = NULL, transmit_to = NULL, transmission_refusal = NULL, purged_at = @Now
        WHERE id = @Id AND tenant_id = @TenantId
        """;

    private const string NotesCountSql = "SELECT count(*)::int FROM request_notes WHERE tenant_id = @TenantId AND request_id = @Id";

    private sealed record PurgedMessages(int Documents, Guid[]? Ids)
    {
        private PurgedMessages() : this(0, null) { }
    }

    // True when something was purged (and journaled); false when nothing was due any more, or the request is busy or open.
    public static async Task<bool> PurgeAsync(NpgsqlDataSource dataSource, PurgeDue due, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var key = new { due.Id, due.TenantId, Now = now };
        var row = await c.QuerySingleOrDefaultAsync<LockedRequest>(new CommandDefinition(LockSql, key, tx, cancellationToken: ct));
        // Checked again under the lock: a request that is not finished is never touched, whatever the candidate query saw.
        if (row is null || !PurgeDue.Finished.Contains(row.Status))
            return false;
        var exports = due.Exports ? await c.ExecuteScalarAsync<int>(new CommandDefinition(ExportsSql, key, tx, cancellationToken: ct)) : 0;
        var packs = 0;
        if (due.Packs)
        {
            await c.ExecuteAsync(new CommandDefinition(PackCodesSql, key, tx, cancellationToken: ct));
            packs = await c.ExecuteAsync(new CommandDefinition(PacksSql, key, tx, cancellationToken: ct));
        }
        var documents = 0;
        int messages = 0, mail = 0;
        if (due.Mail)
        {
            var gone = await c.QuerySingleAsync<PurgedMessages>(new CommandDefinition(MessagesSql, key, tx, cancellationToken: ct));
            documents += gone.Documents;
            if (gone.Ids is { Length: > 0 } ids)
                messages = await c.ExecuteAsync(new CommandDefinition(DeleteMessagesSql, new { Ids = ids }, tx, cancellationToken: ct));
            mail = await c.ExecuteAsync(new CommandDefinition(MailSql, key, tx, cancellationToken: ct));
        }
        if (due.Documents)
            documents += await c.ExecuteAsync(new CommandDefinition(DocumentsSql, key, tx, cancellationToken: ct));
        var notes = 0;
        var personal = due.PersonalData && row.PurgedAt is null;
        if (personal)
        {
            notes = await c.ExecuteScalarAsync<int>(new CommandDefinition(NotesCountSql, key, tx, cancellationToken: ct));
            await c.ExecuteAsync(new CommandDefinition(PersonalDataSql, key, tx, cancellationToken: ct));
        }
        if (exports + packs + documents + messages + mail == 0 && !personal)
            return false;
        var entry = new PurgedEntry(due.Reasons(), due.Erasure, exports, packs, documents, messages, mail, notes, personal);
        await JournalStore.AppendEventAsync(c, tx, due.TenantId, due.Id, now, PurgedEntry.Actor, JournalKinds.Purged, entry.Json(), ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
