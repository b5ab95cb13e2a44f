using Dapper;
using Npgsql;

namespace DsarEngine.Server.Inbox;

internal sealed record DashboardCount(string Key, long Count)
{
    private DashboardCount() : this("", 0) { }
}

// One connector's attempts (a send that got an answer or ran out of time) and how many of them failed or timed out.
internal sealed record ConnectorRates(string Connector, long Attempts, long Failed, long TimedOut)
{
    private ConnectorRates() : this("", 0, 0, 0) { }

    public double FailureRate => Attempts == 0 ? 0 : (double)Failed / Attempts;

    public double TimeoutRate => Attempts == 0 ? 0 : (double)TimedOut / Attempts;
}

// Requests received per channel in each week (Monday, UTC) of the series; Counts line up with DashboardFigures.Weeks.
internal sealed record ChannelSeries(string Channel, IReadOnlyList<long> Counts);

internal sealed record DashboardFigures(
    IReadOnlyList<DashboardCount> OpenByStatus, IReadOnlyList<DashboardCount> OpenByRight, long DueThisWeek, long Overdue,
    long Closed, double? MedianDaysToClose, double? P90DaysToClose, long Extensions, long Refusals,
    IReadOnlyList<ConnectorRates> Connectors, IReadOnlyList<DateOnly> Weeks, IReadOnlyList<ChannelSeries> Channels)
{
    // Requests their subject withdrew before the answer (RequestStatus.Withdrawn).
    public long Withdrawals { get; init; }
}

// The dashboard's figures, each an aggregate computed by PostgreSQL over one organisation's rows only (docs/inbox.md).
internal sealed class DashboardQueries(NpgsqlDataSource dataSource)
{
    public const int SeriesWeeks = 12;

    // A request is finished once its workflow closed it (completed, refused, closed by an operator, withdrawn by its
    // subject): RequestStatus.Finished.
    private static readonly string[] Finished = [.. Workflows.Requests.RequestStatus.Finished.Order(StringComparer.Ordinal)];

    // A request's closure is the journal's first closing entry: the journal is the record of what happened and when.
    private static readonly string[] ClosingKinds = ["closed", "closed-by-operator", "withdrawn-by-subject"];

    // Each answer a connector gave to one send (attempt), or its running out of time. A late reply after a timeout is
    // the same attempt, so attempts are counted as distinct (request, connector, action, attempt).
    private static readonly string[] AttemptKinds = ["connector-completed", "connector-failed", "connector-timed-out"];

    // A request whose clock is stopped (GDPR Art. 12(6): waiting for proof of identity) has an open stop span: its due
    // date is not running, so it is neither overdue nor due this week.
    private const string FiguresSql = """
        SELECT status AS key, count(*) AS count FROM requests
        WHERE tenant_id = @TenantId AND status <> ALL(@Finished) GROUP BY status ORDER BY status;

        SELECT right_kind AS key, count(*) AS count FROM requests
        WHERE tenant_id = @TenantId AND status <> ALL(@Finished) GROUP BY right_kind ORDER BY right_kind;

        SELECT count(*) FILTER (WHERE due_at >= @Now AND due_at < @WeekAhead) AS due_this_week,
               count(*) FILTER (WHERE due_at < @Now) AS overdue
        FROM requests
        WHERE tenant_id = @TenantId AND status <> ALL(@Finished) AND NOT stops @> '[{"end": null}]';

        SELECT count(*) FILTER (WHERE extended) AS extensions, count(*) FILTER (WHERE status = 'refused') AS refusals,
               count(*) FILTER (WHERE status = 'withdrawn') AS withdrawals
        FROM requests WHERE tenant_id = @TenantId;

        SELECT count(*) AS closed,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) / 86400 AS median_days,
               percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds) / 86400 AS p90_days
        FROM (SELECT extract(epoch FROM (c.closed_at - r.received_at))::double precision AS seconds
              FROM requests r
              JOIN (SELECT request_id, min(at) AS closed_at FROM request_journal
                    WHERE tenant_id = @TenantId AND kind = ANY(@ClosingKinds) GROUP BY request_id) c ON c.request_id = r.id
              WHERE r.tenant_id = @TenantId AND r.status = ANY(@Finished)) closed;

        SELECT data->>'connector' AS connector,
               count(DISTINCT (request_id, data->>'action', data->>'attempt')) AS attempts,
               count(DISTINCT (request_id, data->>'action', data->>'attempt')) FILTER (WHERE kind = 'connector-failed') AS failed,
               count(DISTINCT (request_id, data->>'action', data->>'attempt')) FILTER (WHERE kind = 'connector-timed-out') AS timed_out
        FROM request_journal WHERE tenant_id = @TenantId AND kind = ANY(@AttemptKinds)
        GROUP BY data->>'connector' ORDER BY data->>'connector';

        SELECT date_trunc('week', received_at AT TIME ZONE 'UTC') AS week, channel, count(*) AS count FROM requests
        WHERE tenant_id = @TenantId AND received_at >= @SeriesStart AND received_at < @SeriesEnd
        GROUP BY week, channel ORDER BY channel, week;
        """;

    public async Task<DashboardFigures> ReadAsync(Guid tenantId, DateTimeOffset now, CancellationToken ct)
    {
        var weeks = Weeks(now);
        var seriesStart = new DateTimeOffset(weeks[0].ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var grid = await c.QueryMultipleAsync(new CommandDefinition(FiguresSql, new
        {
            TenantId = tenantId, Finished, ClosingKinds, AttemptKinds, Now = now, WeekAhead = now.AddDays(7),
            SeriesStart = seriesStart, SeriesEnd = seriesStart.AddDays(7 * SeriesWeeks),
        }, cancellationToken: ct));
        var byStatus = (await grid.ReadAsync<DashboardCount>()).AsList();
        var byRight = (await grid.ReadAsync<DashboardCount>()).AsList();
        var deadlines = await grid.ReadSingleAsync<(long DueThisWeek, long Overdue)>();
        var totals = await grid.ReadSingleAsync<(long Extensions, long Refusals, long Withdrawals)>();
        var closing = await grid.ReadSingleAsync<(long Closed, double? Median, double? P90)>();
        var connectors = (await grid.ReadAsync<ConnectorRates>()).AsList();
        var cells = await grid.ReadAsync<(DateTime Week, string Channel, long Count)>();
        var channels = cells.GroupBy(x => x.Channel, StringComparer.Ordinal)
            .Select(g =>
                new ChannelSeries(g.Key, [.. weeks.Select(w => g.Where(x => DateOnly.FromDateTime(x.Week) == w).Sum(x => x.Count))]))
            .ToList();
        return new DashboardFigures(byStatus, byRight, deadlines.DueThisWeek, deadlines.Overdue, closing.Closed, closing.Median,
            closing.P90, totals.Extensions, totals.Refusals, connectors, weeks, channels) { Withdrawals = totals.Withdrawals };
    }

    // The Mondays (UTC) of the last SeriesWeeks weeks, the current one last.
    public static IReadOnlyList<DateOnly> Weeks(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return [.. Enumerable.Range(0, SeriesWeeks).Select(i => monday.AddDays(-7 * (SeriesWeeks - 1 - i)))];
    }
}
