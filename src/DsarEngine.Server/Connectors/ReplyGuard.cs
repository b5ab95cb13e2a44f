using Dapper;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Connectors.Hosting;
using DsarEngine.Workflows.Security;
using DsarEngine.Workflows.Runtime;
using MassTransit;
using Npgsql;

namespace DsarEngine.Server.Connectors;

internal enum ReplyVerdict
{
    Accepted,
    Refused,
    NotOurs,
}

// Who may answer a task (security review C1, M2): only the receiver of the command the engine sent. A reply or export
// chunk is accepted when it quotes that command's reply token (bound to request, tenant, connector and attempt), names
// the request's own tenant and a connector that tenant registered, and, for a bus connector bound to a broker user,
// was sent by that user as RabbitMQ vouches (the validated AMQP user_id). Everything else changes nothing.
internal sealed class ReplyGuard(NpgsqlDataSource dataSource, SecretTokens tokens, ILogger<ReplyGuard> log)
{
    private sealed record Owner(string Tenant, string? Kind, string? BusUser)
    {
        private Owner() : this("", null, null) { }
    }

    // The task's request, or a processor's end of contract (whole-customer tasks, docs/processor-role.md).
    private const string OwnerSql = """
        SELECT t.slug AS tenant, c.kind, c.bus_user FROM requests r JOIN tenants t ON t.id = r.tenant_id
        LEFT JOIN connectors c ON c.tenant_id = r.tenant_id AND c.name = @Connector
        WHERE r.id = @RequestId
        UNION ALL
        SELECT t.slug, c.kind, c.bus_user FROM contract_endings e JOIN tenants t ON t.id = e.tenant_id
        LEFT JOIN connectors c ON c.tenant_id = e.tenant_id AND c.name = @Connector
        WHERE e.id = @RequestId
        """;

    public async Task<ReplyVerdict> CheckAsync(ConsumeContext context, TaskReference task, string what)
    {
        await using var c = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var owner = await c.QueryFirstOrDefaultAsync<Owner>(
            new CommandDefinition(OwnerSql, new { task.RequestId, task.Connector }, cancellationToken: context.CancellationToken));
        if (owner is null)
        {
            // Another engine's request on a shared broker: nothing of ours to change.
            log.LogInformation("Ignored {What} for task {TaskId}: the request is not this engine's", what, task.TaskId);
            return ReplyVerdict.NotOurs;
        }
        var reason = Refusal(context, task, owner);
        if (reason is null)
            return ReplyVerdict.Accepted;
        log.LogWarning("Refused {What} for task {TaskId} of connector {Connector}: {Reason}", what, task.TaskId, task.Connector, reason);
        return ReplyVerdict.Refused;
    }

    private string? Refusal(ConsumeContext context, TaskReference task, Owner owner)
    {
        if (owner.Tenant != task.Tenant)
            return "it names another organisation than the request's";
        if (owner.Kind is null)
            return "the request's organisation registered no such connector";
        if (!ReplyTokens.Valid(tokens, task))
            return "it does not quote the reply token of a command this engine sent";
        if (owner.Kind == ConnectorKinds.Bus && owner.BusUser is { } expected && BrokerUser.Sender(context) != expected)
            return "it was not sent by the broker user registered for the connector";
        return null;
    }
}
