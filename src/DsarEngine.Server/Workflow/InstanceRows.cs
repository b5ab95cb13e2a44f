using System.Text.Json;
using Dapper;
using DsarEngine.Workflows.Runtime;
using Npgsql;

namespace DsarEngine.Server.Workflow;

// workflow_instances rows <-> WorkflowInstance. State is JSON; everything the inbox filters on is a column.
internal static class InstanceRows
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Row(Guid RequestId, Guid TenantId, string DefinitionId, int DefinitionVersion, int StepIndex,
        string Status, string? WaitingFor, string State, int Attempts, string? LastError, int Version)
    {
        private Row() : this(default, default, "", 0, 0, "", null, "{}", 0, null, 0) { }

        public WorkflowInstance ToInstance() => new(RequestId, TenantId, DefinitionId, DefinitionVersion, StepIndex, Status,
            WaitingFor, JsonSerializer.Deserialize<InstanceState>(State, Json) ?? new InstanceState(), Attempts, LastError, Version);
    }

    private const string Columns = "request_id, tenant_id, definition_id, definition_version, step_index, status, waiting_for, " +
        "state::text AS state, attempts, last_error, version";

    private const string LockSql = $"SELECT {Columns} FROM workflow_instances WHERE request_id = @RequestId FOR UPDATE";

    public static async Task<WorkflowInstance?> LockAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid requestId, CancellationToken ct) =>
        (await c.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition(LockSql, new { RequestId = requestId }, tx, cancellationToken: ct)))?.ToInstance();

    private const string FindSql = $"SELECT {Columns} FROM workflow_instances WHERE tenant_id = @TenantId AND request_id = @RequestId";

    public static async Task<WorkflowInstance?> FindAsync(NpgsqlConnection c, Guid tenantId, Guid requestId, CancellationToken ct) =>
        (await c.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition(FindSql, new { TenantId = tenantId, RequestId = requestId }, cancellationToken: ct)))?.ToInstance();

    private const string InsertSql = """
        INSERT INTO workflow_instances (request_id, tenant_id, definition_id, definition_version, step_index, status, waiting_for,
            state, attempts, last_error, version, updated_at)
        VALUES (@RequestId, @TenantId, @DefinitionId, @DefinitionVersion, @StepIndex, @Status, @WaitingFor,
            @State::jsonb, @Attempts, @LastError, @Version, @Now)
        """;

    public static Platform.SqlStatement Insert(WorkflowInstance i, DateTimeOffset now) => new(InsertSql, Parameters(i, now));

    // Optimistic concurrency on top of the row lock: a writer that read an older version changes nothing.
    private const string UpdateSql = """
        UPDATE workflow_instances SET step_index = @StepIndex, status = @Status, waiting_for = @WaitingFor, state = @State::jsonb,
            attempts = @Attempts, last_error = @LastError, version = @Version + 1, updated_at = @Now
        WHERE request_id = @RequestId AND version = @Version
        """;

    // The version-checked update, for a caller that sends it with other statements: it must check that one row changed.
    public static Platform.SqlStatement Update(WorkflowInstance i, DateTimeOffset now) => new(UpdateSql, Parameters(i, now));

    private static object Parameters(WorkflowInstance i, DateTimeOffset now) => new
    {
        i.RequestId, i.TenantId, i.DefinitionId, i.DefinitionVersion, i.StepIndex, i.Status, i.WaitingFor,
        State = JsonSerializer.Serialize(i.State, Json), i.Attempts, i.LastError, i.Version, Now = now,
    };
}
