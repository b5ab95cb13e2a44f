using Dapper;
using DsarEngine.Workflows.Journal;
using DsarEngine.Workflows.Requests;
using Npgsql;

namespace DsarEngine.Server.Retention;

// What is due for purging on one finished request: which of its records, and (Erasure) the reference of the subject's
// erasure request that covers them. An open request is never a candidate.
internal sealed record PurgeDue(Guid Id, Guid TenantId, bool Exports, bool Packs, bool Documents, bool Mail, bool PersonalData,
    string? Erasure)
{
    private PurgeDue() : this(default, default, false, false, false, false, false, null) { }

    public static readonly string[] Finished = [.. RequestStatus.Finished];

    // A request closes with one of these entries; its periods count from the last (a withdrawal after a close, say).
    public static readonly string[] Closing = [JournalKinds.Closed, JournalKinds.ClosedByOperator, JournalKinds.WithdrawnBySubject];

    // Why the journal says the records went: the periods that ran out, or the erasure that covered them.
    public IReadOnlyList<string> Reasons() => Erasure is not null ? ["erasure"]
        : PersonalData ? ["personal-data"]
        : [.. new[] { (Exports, "exports"), (Packs, "packs"), (Documents, "documents"), (Mail, "mail") }.Where(r => r.Item1)
            .Select(r => r.Item2)];
}

internal static class PurgeCandidates
{
    // Rows the periods could remove, per kind. A request counts as closed at its last closing entry (the receipt for a row
    // finished without one). A request appears only while something is due and still there, so a purged one drops out.
    private const string PeriodsSql = """
        WITH finished AS (
            SELECT r.id, r.tenant_id, r.purged_at,
                coalesce(s.exports_days, @ExportsDays) AS exports_days, coalesce(s.packs_days, @PacksDays) AS packs_days,
                coalesce(s.documents_days, @DocumentsDays) AS documents_days, coalesce(s.mail_days, @MailDays) AS mail_days,
                coalesce(s.requests_days, @RequestsDays) AS requests_days,
                coalesce((SELECT max(j.at) FROM request_journal j WHERE j.request_id = r.id AND j.kind = ANY(@Closing)),
                    r.received_at) AS closed_at
            FROM requests r LEFT JOIN retention_settings s ON s.tenant_id = r.tenant_id
            WHERE r.status = ANY(@Finished) AND r.id <> ALL(@Skip)
        ), due AS (
            SELECT id, tenant_id, purged_at,
                closed_at <= @Now - make_interval(days => exports_days) AS exports,
                closed_at <= @Now - make_interval(days => packs_days) AS packs,
                closed_at <= @Now - make_interval(days => documents_days) AS documents,
                closed_at <= @Now - make_interval(days => mail_days) AS mail,
                closed_at <= @Now - make_interval(days => requests_days) AS personal_data
            FROM finished
        )
        SELECT id, tenant_id, exports OR personal_data AS exports, packs OR personal_data AS packs,
            documents OR personal_data AS documents, mail OR personal_data AS mail, personal_data, NULL::text AS erasure
        FROM due
        WHERE ((exports OR personal_data)
                AND EXISTS (SELECT 1 FROM connector_exports x WHERE x.tenant_id = due.tenant_id AND x.request_id = due.id))
            OR ((packs OR personal_data)
                AND EXISTS (SELECT 1 FROM response_packs p WHERE p.tenant_id = due.tenant_id AND p.request_id = due.id))
            OR ((documents OR personal_data)
                AND EXISTS (SELECT 1 FROM subject_documents d WHERE d.tenant_id = due.tenant_id AND d.request_id = due.id))
            OR ((mail OR personal_data)
                AND (EXISTS (SELECT 1 FROM mail_messages m WHERE m.tenant_id = due.tenant_id AND m.request_id = due.id)
                    OR EXISTS (SELECT 1 FROM request_messages m WHERE m.tenant_id = due.tenant_id AND m.request_id = due.id)))
            OR (personal_data AND purged_at IS NULL)
        ORDER BY id LIMIT @Limit
        """;

    public static async Task<IReadOnlyList<PurgeDue>> ByPeriodsAsync(NpgsqlConnection c, DateTimeOffset now, IReadOnlyCollection<Guid> skip,
        int limit, CancellationToken ct)
    {
        var d = RetentionSettings.Default;
        return (await c.QueryAsync<PurgeDue>(new CommandDefinition(PeriodsSql, new
        {
            Now = now, Skip = skip.ToArray(), Limit = limit, PurgeDue.Finished, PurgeDue.Closing,
            ExportsDays = d.Exports, PacksDays = d.Packs, DocumentsDays = d.Documents, MailDays = d.Mail, RequestsDays = d.Requests,
        }, cancellationToken: ct))).AsList();
    }

    // GDPR Art. 17 reaches the engine's own copies too: once an erasure request is answered (completed, in full or in part),
    // the exports, packs, documents and mail of the same subject's earlier finished requests in the same organisation go.
    // The subject is matched as the inbox searches: the e-mail address stored with each request, case-insensitive.
    private const string ErasureSql = """
        SELECT DISTINCT ON (e.id) e.id, e.tenant_id, true AS exports, true AS packs, true AS documents, true AS mail,
            false AS personal_data, er.reference AS erasure
        FROM requests er
        JOIN LATERAL (SELECT max(j.at) AS at FROM request_journal j WHERE j.request_id = er.id AND j.kind = @ClosedKind) c
            ON c.at IS NOT NULL
        JOIN requests e ON e.tenant_id = er.tenant_id AND e.id <> er.id AND e.received_at <= c.at
            AND lower(e.subject ->> 'email') = lower(er.subject ->> 'email')
        WHERE er.right_kind = @Erasure AND er.status = @Completed AND er.subject ->> 'email' IS NOT NULL
            AND e.status = ANY(@Finished) AND e.id <> ALL(@Skip)
            AND (EXISTS (SELECT 1 FROM connector_exports x WHERE x.tenant_id = e.tenant_id AND x.request_id = e.id)
                OR EXISTS (SELECT 1 FROM response_packs p WHERE p.tenant_id = e.tenant_id AND p.request_id = e.id)
                OR EXISTS (SELECT 1 FROM subject_documents d WHERE d.tenant_id = e.tenant_id AND d.request_id = e.id)
                OR EXISTS (SELECT 1 FROM mail_messages m WHERE m.tenant_id = e.tenant_id AND m.request_id = e.id)
                OR EXISTS (SELECT 1 FROM request_messages m WHERE m.tenant_id = e.tenant_id AND m.request_id = e.id))
        ORDER BY e.id, er.received_at LIMIT @Limit
        """;

    public static async Task<IReadOnlyList<PurgeDue>> ByErasureAsync(NpgsqlConnection c, IReadOnlyCollection<Guid> skip, int limit,
        CancellationToken ct) =>
        (await c.QueryAsync<PurgeDue>(new CommandDefinition(ErasureSql, new
        {
            Skip = skip.ToArray(), Limit = limit, PurgeDue.Finished, ClosedKind = JournalKinds.Closed, Erasure = Right.Erasure.ToSlug(),
            Completed = RequestStatus.Completed,
        }, cancellationToken: ct))).AsList();
}
