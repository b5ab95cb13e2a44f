using Npgsql;

namespace DsarEngine.Benchmarks;

// The inbox phase's data: one organisation with `count` requests and a second with a tenth of that, loaded with one
// INSERT … SELECT generate_series per table (seconds, not the minutes intake would take). The spread is what an inbox
// holds after a year: mostly access and erasure, mostly the web form, received over 365 days, due a month after
// receipt (three months for the tenth that were extended), about 30% finished (or, with --inbox-open, all but the newest
// ones), those waiting for identity with a stopped clock, and a workflow instance beside every request because the list joins it.
internal static class InboxData
{
    // Person: one of the measured organisation's ten agents, whose "My open" the phase times.
    public sealed record Tenants(Guid Measured, Guid Other, Guid Person);

    // Ten agents share 70% of the measured organisation's requests (by a hash, so the split is the same every run); the
    // other 30% are unassigned, as an inbox where new requests wait to be taken.
    private const string AssignSql = """
        INSERT INTO staff_users (id, tenant_id, user_name, normalized_user_name, email, normalized_email, display_name, role,
            security_stamp, concurrency_stamp, created_at)
        SELECT gen_random_uuid(), @Tenant, 'bench-inbox/agent' || i || '@example.org', 'BENCH-INBOX/AGENT' || i || '@EXAMPLE.ORG',
            'agent' || i || '@example.org', 'AGENT' || i || '@EXAMPLE.ORG', 'Agent ' || i, 'agent', 'stamp', 'stamp', @Now
        FROM generate_series(0, 9) AS i;
        UPDATE requests r SET assignee_id = s.id
        FROM (SELECT id, (row_number() OVER (ORDER BY id) - 1)::int AS n FROM staff_users WHERE tenant_id = @Tenant) AS s
        WHERE r.tenant_id = @Tenant AND (hashtext(r.reference) & 2147483647) % 10 < 7 AND (hashtext(r.id::text) & 2147483647) % 10 = s.n;
        SELECT id FROM staff_users WHERE tenant_id = @Tenant ORDER BY id LIMIT 1;
        """;

    private const string TenantSql = """
        INSERT INTO tenants (id, slug, name, jurisdiction, time_zone, created_at) VALUES (@Id, @Slug, @Slug, 'FR', 'Europe/Paris', @Now)
        """;

    // md5 of a salted counter gives references and status tokens shaped like real ones (hex is a subset of the
    // Crockford alphabet), so a reference prefix matches as few rows as it would in production.
    private const string RequestsSql = """
        SELECT setseed(@Seed);
        INSERT INTO requests (id, tenant_id, reference, status_token_hash, right_kind, subject, channel, jurisdiction, regime,
            language, status, received_at, created_at, time_zone, received_on, initial_due, effective_due, due_at, extended, stops)
        SELECT gen_random_uuid(), @Tenant,
            'DSR-' || upper(substr(h, 1, 4)) || '-' || upper(substr(h, 5, 4)) || '-' || upper(substr(h, 9, 4)),
            decode(substr(h, 13, 20), 'hex'),
            (ARRAY['access', 'access', 'access', 'access', 'erasure', 'erasure', 'erasure', 'rectification', 'portability',
                'objection', 'restriction', 'consent-withdrawal'])[1 + i % 12],
            jsonb_build_object('email', 'subject' || i || '@' || @Domain, 'name', 'Subject ' || i),
            (ARRAY['web-form', 'web-form', 'web-form', 'web-form', 'api', 'email', 'email', 'post', 'phone', 'in-person'])
                [1 + (i / 12) % 10],
            'FR', 'gdpr', 'fr', status, received, received, 'Europe/Paris', received::date,
            (received + interval '1 month')::date, due::date, due, extended,
            CASE WHEN status = 'awaiting-identity'
                THEN jsonb_build_array(jsonb_build_object('start', received::date, 'end', NULL, 'reason', 'identity-proof'))
                ELSE '[]'::jsonb END
        FROM (
            SELECT i, h, received, extended,
                received + CASE WHEN extended THEN interval '3 months' ELSE interval '1 month' END AS due,
                CASE WHEN (CASE WHEN @OpenDays < 0 THEN (hashtext(h) & 2147483647) % 100 < 30
                        ELSE received < @Now - @OpenDays * interval '1 day' END)
                    THEN (ARRAY['completed', 'completed', 'refused', 'closed'])[1 + i % 4]
                    ELSE (ARRAY['received', 'awaiting-identity', 'in-progress', 'in-progress', 'in-progress', 'needs-attention'])[1 + i % 6]
                END AS status
            FROM (
                SELECT i, md5(@Domain || i) AS h, @Now - random() * interval '365 days' AS received, i % 10 = 0 AS extended
                FROM generate_series(1, @Count) AS i
            ) AS drawn
        ) AS spread;
        INSERT INTO workflow_instances (request_id, tenant_id, definition_id, definition_version, step_index, status, waiting_for,
            state, updated_at)
        SELECT id, tenant_id, right_kind, 1, 2,
            CASE WHEN status IN ('completed', 'refused', 'closed') THEN 'closed'
                WHEN status = 'needs-attention' THEN 'needs-attention' ELSE 'waiting' END,
            CASE status WHEN 'awaiting-identity' THEN 'identity' WHEN 'in-progress' THEN 'decision:scope'
                WHEN 'received' THEN 'acknowledge' END,
            '{}'::jsonb, received_at
        FROM requests WHERE tenant_id = @Tenant;
        """;

    // open: how many of the `count` stay open; 0 keeps the spread above (about 70% open). Otherwise the open ones are
    // the newest (received in the last open/count of the year) and every older request is finished, as in an inbox that
    // has run for a year: the shape migration 0055's partial index on open requests is for.
    public static async Task<Tenants> LoadAsync(NpgsqlDataSource dataSource, int count, DateTimeOffset now, int open = 0)
    {
        var (measured, other) = (Guid.NewGuid(), Guid.NewGuid());
        var openDays = OpenDays(count, open);
        await LoadTenantAsync(dataSource, measured, "bench-inbox", count, now, 0.13, openDays);
        await LoadTenantAsync(dataSource, other, "bench-other", Math.Max(1, count / 10), now, 0.71, openDays);
        Guid person;
        await using (var assign = dataSource.CreateCommand(AssignSql))
        {
            assign.CommandTimeout = 600;
            assign.Parameters.AddWithValue("Tenant", measured);
            assign.Parameters.AddWithValue("Now", now);
            person = (Guid)(await assign.ExecuteScalarAsync() ?? throw new InvalidOperationException("No agent was loaded."));
        }
        // Production tables have statistics and a visibility map; a freshly loaded one has neither until autovacuum runs.
        await using var vacuum = dataSource.CreateCommand("VACUUM ANALYZE requests, workflow_instances");
        vacuum.CommandTimeout = 600;
        await vacuum.ExecuteNonQueryAsync();
        return new Tenants(measured, other, person);
    }

    // Received within the last this many days is open; negative keeps the hashed 70% spread.
    public static double OpenDays(int count, int open) => open <= 0 ? -1 : 365.0 * Math.Min(open, count) / count;

    public static async Task LoadTenantAsync(NpgsqlDataSource dataSource, Guid tenant, string slug, int count, DateTimeOffset now,
        double seed, double openDays)
    {
        await using (var insert = dataSource.CreateCommand(TenantSql))
        {
            insert.Parameters.AddWithValue("Id", tenant);
            insert.Parameters.AddWithValue("Slug", slug);
            insert.Parameters.AddWithValue("Now", now);
            await insert.ExecuteNonQueryAsync();
        }
        await using var load = dataSource.CreateCommand(RequestsSql);
        load.CommandTimeout = 600;
        load.Parameters.AddWithValue("Seed", seed);
        load.Parameters.AddWithValue("Tenant", tenant);
        load.Parameters.AddWithValue("Domain", $"{slug}.example.org");
        load.Parameters.AddWithValue("Now", now);
        load.Parameters.AddWithValue("Count", count);
        load.Parameters.AddWithValue("OpenDays", openDays);
        await load.ExecuteNonQueryAsync();
    }

    // The subject of request `i` of the measured organisation, as a person would type it (case differs).
    public static string Email(int i) => $"Subject{i}@Bench-Inbox.example.org";
}
