using System.Text;
using Dapper;
using Npgsql;

namespace DsarEngine.Server.Inbox;

// What the inbox lists: the requests of the signed-in person's organisation (the caller passes the tenant from the
// person's claims, never from the page), filtered, searched, sorted and paged by keyset so a deep page costs what the
// first one does (migration 0023 has an index per sort). The WHERE clause is assembled from fixed fragments only;
// every value is a parameter.
internal sealed class InboxQueries(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private sealed record Raw(Guid Id, string Reference, string RightKind, string? Email, string? Name, string Channel, string Regime,
        string Status, DateTimeOffset ReceivedAt, DateOnly? EffectiveDue, DateTimeOffset? DueAt, bool ClockStopped,
        string? InstanceStatus, string? WaitingFor, DateTimeOffset SortKey, string? AssigneeName)
    {
        private Raw() : this(default, "", "", null, null, "", "", "", default, null, null, false, null, null, default, null) { }

        public InboxRow ToRow() => new(Id, Reference, RightKind, SubjectMask.Mask(Email, Name), Channel, Regime, Status, ReceivedAt,
            EffectiveDue, DueAt, ClockStopped, StepOf(InstanceStatus, WaitingFor), new InboxCursor(SortKey, Id), AssigneeName);
    }

    // Requests without a due date (rows from before migration 0002) sort after every dated one.
    private const string DueKey = "coalesce(r.due_at, '9999-12-31T00:00:00Z'::timestamptz)";

    private const string SelectSql = """
        SELECT r.id, r.reference, r.right_kind, r.subject ->> 'email' AS email, r.subject ->> 'name' AS name, r.channel, r.regime,
            r.status, r.received_at, r.effective_due, r.due_at,
            EXISTS (SELECT 1 FROM jsonb_array_elements(r.stops) s WHERE s ->> 'end' IS NULL) AS clock_stopped,
            w.status AS instance_status, w.waiting_for, {0} AS sort_key, a.display_name AS assignee_name
        FROM requests r LEFT JOIN workflow_instances w ON w.request_id = r.id LEFT JOIN staff_users a ON a.id = r.assignee_id
        WHERE r.tenant_id = @TenantId
        """;

    // As migration 0026 indexes it: unassigned is the nil uuid, so "unassigned" is an equality that keeps the index's order.
    private const string AssigneeKey = "coalesce(r.assignee_id, '00000000-0000-0000-0000-000000000000'::uuid)";

    private static readonly System.Text.CompositeFormat Select = System.Text.CompositeFormat.Parse(SelectSql);

    // RequestStatus.Finished.
    private const string OpenSql = " AND r.status NOT IN ('completed', 'refused', 'closed', 'withdrawn')";

    public async Task<InboxPage> PageAsync(Guid tenantId, InboxQuery query, CancellationToken ct)
    {
        if (query.PageSize is < 1 or > InboxQuery.MaxPageSize)
            throw new ArgumentOutOfRangeException(nameof(query), $"A page holds 1 to {InboxQuery.MaxPageSize} requests.");
        var (sql, parameters) = Build(tenantId, query, clock.GetUtcNow());
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var raw = (await c.QueryAsync<Raw>(new CommandDefinition(sql, parameters, cancellationToken: ct))).AsList();
        var more = raw.Count > query.PageSize;
        if (more)
            raw.RemoveAt(raw.Count - 1);
        var backward = query.Before is not null;
        // Back at the start with a short page (rows arrived at the top meanwhile): show the full first page instead.
        if (backward && !more && raw.Count < query.PageSize)
            return await PageAsync(tenantId, query with { Before = null, After = null }, ct);
        if (backward)
            raw.Reverse();
        var rows = raw.Select(r => r.ToRow()).ToList();
        if (rows.Count == 0)
            return new InboxPage(rows, null, null);
        // Going forward there is a previous page whenever we started after a row; going backward there is a next one.
        var next = backward || more ? rows[^1].Cursor : null;
        var previous = backward ? (more ? rows[0].Cursor : null) : query.After is not null ? rows[0].Cursor : null;
        return new InboxPage(rows, next, previous);
    }

    // Internal so the benchmark can EXPLAIN exactly the SQL the inbox runs.
    internal static (string Sql, DynamicParameters Parameters) Build(Guid tenantId, InboxQuery query, DateTimeOffset now)
    {
        var (key, descending) = query.Sort switch
        {
            InboxSort.NewestFirst => ("r.received_at", true),
            InboxSort.OldestFirst => ("r.received_at", false),
            _ => (DueKey, false),
        };
        var p = new DynamicParameters(new { TenantId = tenantId, Now = now, Soon = now + InboxRow.SoonWindow, Limit = query.PageSize + 1 });
        var sql = new StringBuilder(string.Format(System.Globalization.CultureInfo.InvariantCulture, Select, key));
        var f = query.Filter;
        Equal(sql, p, "r.right_kind", "Right", f.Right);
        Equal(sql, p, "r.status", "Status", f.Status);
        Equal(sql, p, "r.channel", "Channel", f.Channel);
        Equal(sql, p, "r.regime", "Regime", f.Regime);
        if (f.OpenOnly || f.Due != DueWindow.Any)
            sql.Append(OpenSql);
        sql.Append(f.Due switch
        {
            DueWindow.Overdue => " AND r.due_at < @Now",
            // The same lower bound on the sort key too (a due date at or after now is never null): the index starts
            // there instead of passing every overdue request first (docs/performance.md, "Scale (issue 16)").
            DueWindow.DueWithinWeek => $" AND r.due_at >= @Now AND r.due_at < @Soon AND {DueKey} >= @Now",
            DueWindow.Later => $" AND r.due_at >= @Soon AND {DueKey} >= @Soon",
            _ => "",
        });
        if (f.NeedsAttention)
            sql.Append(" AND (r.status = 'needs-attention' OR w.status = 'needs-attention')");
        Search(sql, p, f.Search);
        if (f.Assignee is { } assignee)
        {
            sql.Append(" AND ").Append(AssigneeKey).Append(" = @Assignee");
            p.Add("Assignee", assignee.Person ?? Guid.Empty);
        }

        // Backward pages read the other way from the cursor and are turned round by the caller.
        var backward = query.Before is not null;
        var readDescending = descending != backward;
        if ((query.Before ?? query.After) is { } cursor)
        {
            sql.Append(System.Globalization.CultureInfo.InvariantCulture,
                $" AND ({key}, r.id) {(readDescending ? "<" : ">")} (@CursorKey, @CursorId)");
            p.Add("CursorKey", cursor.Key);
            p.Add("CursorId", cursor.Id);
        }
        var direction = readDescending ? "DESC" : "ASC";
        sql.Append(System.Globalization.CultureInfo.InvariantCulture, $" ORDER BY {key} {direction}, r.id {direction} LIMIT @Limit");
        return (sql.ToString(), p);
    }

    private static void Equal(StringBuilder sql, DynamicParameters p, string column, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
            return;
        sql.Append(System.Globalization.CultureInfo.InvariantCulture, $" AND {column} = @{name}");
        p.Add(name, value);
    }

    // An address (it has an @) matches the subject's e-mail exactly, case-insensitively; anything else is the start of a
    // reference, with or without its "DSR-" ("7KQ2" finds DSR-7KQ2-…). Neither is ever a pattern the person wrote.
    private static void Search(StringBuilder sql, DynamicParameters p, string? search)
    {
        var text = search?.Trim();
        if (string.IsNullOrEmpty(text))
            return;
        if (text.Length > InboxQuery.MaxSearchLength)
            text = text[..InboxQuery.MaxSearchLength];
        if (text.Contains('@', StringComparison.Ordinal))
        {
            sql.Append(" AND lower(r.subject ->> 'email') = lower(@Email)");
            p.Add("Email", text);
            return;
        }
        var reference = text.ToUpperInvariant();
        if (!reference.StartsWith("DSR", StringComparison.Ordinal))
            reference = "DSR-" + reference;
        var escaped = reference.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
        sql.Append(" AND r.reference LIKE @Prefix");
        p.Add("Prefix", escaped + "%");
    }

    // The step a person would name: what the workflow waits for, or its state when it is not waiting.
    private static string? StepOf(string? status, string? waitingFor) => status switch
    {
        null => null,
        "waiting" when waitingFor is not null => waitingFor.StartsWith("decision:", StringComparison.Ordinal)
            ? $"decision: {waitingFor["decision:".Length..]}" : waitingFor,
        _ => status,
    };
}
