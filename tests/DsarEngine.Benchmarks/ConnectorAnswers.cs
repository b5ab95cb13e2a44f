using System.Globalization;
using System.Text;
using Npgsql;

namespace DsarEngine.Benchmarks;

// What the connectors answered, read from the workflows' own state: per connector, its tasks by status and the records
// their exports held. After a timed run it shows the systems really exported (not only "not found"); when a run cannot
// finish, it names the connector that left tasks unanswered.
internal static class ConnectorAnswers
{
    private const string TasksSql = """
        SELECT t ->> 'connector', t ->> 'status', count(*), COALESCE(sum((t -> 'export' ->> 'records')::int), 0)
        FROM workflow_instances w, jsonb_array_elements(w.state -> 'tasks') t
        WHERE NOT $1 OR w.status <> 'closed'
        GROUP BY 1, 2 ORDER BY 1, 2
        """;

    private const string OpenSql = """
        SELECT status, COALESCE(waiting_for, '–'), count(*) FROM workflow_instances WHERE status <> 'closed' GROUP BY 1, 2 ORDER BY 1, 2
        """;

    // "crm: done 400 (1,200 records), not-found 100; billing: …"
    public static async Task<string> TasksAsync(NpgsqlDataSource dataSource, bool openOnly)
    {
        await using var command = dataSource.CreateCommand(TasksSql);
        command.Parameters.Add(new NpgsqlParameter { Value = openOnly });
        var byConnector = new List<(string Connector, List<string> Counts)>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
            {
                var (connector, status) = (reader.GetString(0), reader.GetString(1));
                var (tasks, records) = (reader.GetInt64(2), reader.GetInt64(3));
                if (byConnector.Count == 0 || byConnector[^1].Connector != connector)
                    byConnector.Add((connector, []));
                byConnector[^1].Counts.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{status} {tasks:N0}{(records > 0 ? $" ({records:N0} records exported)" : "")}"));
            }
        return byConnector.Count == 0 ? "no connector tasks"
            : string.Join("; ", byConnector.Select(c => $"{c.Connector}: {string.Join(", ", c.Counts)}"));
    }

    // "acknowledged waiting for connectors 12, …": where the workflows that did not close are.
    public static async Task<string> OpenAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(OpenSql);
        var text = new StringBuilder();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                text.Append(CultureInfo.InvariantCulture,
                    $"{(text.Length > 0 ? ", " : "")}{reader.GetString(0)} (waiting for {reader.GetString(1)}) {reader.GetInt64(2):N0}");
        return text.Length == 0 ? "none" : text.ToString();
    }
}
