using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Connectors;
using DsarEngine.Server.Workflow;
using DsarEngine.Workflows.Runtime;
using DsarEngine.Workflows.Security;
using Npgsql;

namespace DsarEngine.Server.ContractEndings;

// The end of contract's steps, each inside the caller's transaction with the ending row locked: fan a phase out to the
// processor's connectors (commands through the outbox), and once every task of the phase is answered (or timed out), move
// on to deletion or finish with the certificate. State lives in rows only, so a restart loses nothing.
internal sealed class ContractEndingRunner(SecretTokens tokens)
{
    private const string PartiesSql = """
        SELECT p.slug AS processor, p.name AS processor_name, coalesce(ct.name, w.contact_name, w.display_name) AS controller
        FROM contract_endings e JOIN tenants p ON p.id = e.tenant_id
        LEFT JOIN workspaces w ON w.processor_tenant_id = e.tenant_id AND w.key = e.workspace_key
        LEFT JOIN tenants ct ON ct.id = e.customer_tenant_id
        WHERE e.id = @Id
        """;

    private static Task<EndingParties> PartiesAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid id, CancellationToken ct) =>
        c.QuerySingleAsync<EndingParties>(new CommandDefinition(PartiesSql, new { Id = id }, tx, cancellationToken: ct));

    public async Task FanOutAsync(NpgsqlConnection c, NpgsqlTransaction tx, StoredEnding ending, DateTimeOffset now, string actor,
        CancellationToken ct)
    {
        var parties = await PartiesAsync(c, tx, ending.Id, ct);
        var export = ending.Phase == EndingPhases.Export;
        var action = export ? CustomerActions.Export : CustomerActions.Erase;
        var earlier = await ContractEndingStore.TasksAsync(c, tx, ending.Id, ct);
        List<string> sent = [], notCovered = [], skipped = [];
        foreach (var k in await RuntimeRows.ConnectorsAsync(c, tx, ending.TenantId, ct))
        {
            var taskId = DeterministicId.From(ending.Id.ToString(), k.Name, action);
            string? status = null, summary = null;
            // Return then delete: data that could not be returned first is not deleted (the controller chose to have it back).
            if (!export && EndingChoices.Returns(ending.Choice)
                && earlier.FirstOrDefault(t => t.Connector == k.Name && t.Action == CustomerActions.Export) is { } returned
                && !EndingTaskStatus.Succeeded(returned.Status))
                (status, summary) = (EndingTaskStatus.Skipped, $"Not deleted: its data was not returned first ({returned.Status}).");
            else if (k.Kind != ConnectorKinds.Bus || !k.Actions.Contains(action))
                (status, summary) = (EndingTaskStatus.NotCovered,
                    $"This system has no '{action}' action registered: it was not asked, a person must see to it.");
            if (status is not null)
            {
                (status == EndingTaskStatus.Skipped ? skipped : notCovered).Add(k.Name);
                await ContractEndingStore.InsertTaskAsync(c, tx, ending,
                    new EndingTask(taskId, k.Name, action, status, summary!, [], null, null, now), ct);
                continue;
            }
            var task = new TaskReference(ending.Id, taskId, parties.Processor, k.Name, ContractEnding.Right,
                $"{ending.Id:N}:{k.Name}:{action}", 1);
            task = task with { ReplyToken = ReplyTokens.For(tokens, task) };
            object command = export
                ? new ExportCustomerData(task, ending.WorkspaceKey, [])
                : new EraseCustomerData(task, ending.WorkspaceKey)
                {
                    Keep = [.. ending.Exceptions.Where(h => h.Covers(k.Name))
                        .Select(h => new KeepCategory(h.Category, h.LegalBasis, h.Until, "agreement"))],
                };
            await RuntimeRows.EnqueueAsync(c, tx, DeterministicId.From(taskId.ToString(), "1"), ending.TenantId, null,
                Queues.BusConnector(parties.Processor, k.Name), command.GetType().FullName!,
                JsonSerializer.Serialize(command, command.GetType(), ContractEndingStore.Json), now, ct);
            await ContractEndingStore.InsertTaskAsync(c, tx, ending,
                new EndingTask(taskId, k.Name, action, EndingTaskStatus.Sent, null, [], null, now.AddHours(k.TimeoutHours), null), ct);
            sent.Add(k.Name);
        }
        await ContractEndingStore.JournalAsync(c, tx, ending, now, actor, "contract-ending-fan-out",
            new { phase = ending.Phase, action, sent, notCovered, skipped }, ct);
        if (sent.Count > 0)
            await RuntimeRows.NotifyAsync(c, tx, RuntimeRows.OutboxChannel, ct);
        else
            await AdvanceAsync(c, tx, ending, now, actor, ct);
    }

    // Once no task of the phase waits: deletion after the return (when the controller chose it), else the certificate.
    public async Task AdvanceAsync(NpgsqlConnection c, NpgsqlTransaction tx, StoredEnding ending, DateTimeOffset now, string actor,
        CancellationToken ct)
    {
        var tasks = await ContractEndingStore.TasksAsync(c, tx, ending.Id, ct);
        if (ending.Phase == EndingPhases.Finished || tasks.Any(t => t.Status == EndingTaskStatus.Sent))
            return;
        if (ending.Phase == EndingPhases.Export && EndingChoices.Deletes(ending.Choice))
        {
            await ContractEndingStore.SetPhaseAsync(c, tx, ending.Id, EndingPhases.Erase, ct);
            await FanOutAsync(c, tx, ending with { Phase = EndingPhases.Erase }, now, actor, ct);
            return;
        }
        var parties = await PartiesAsync(c, tx, ending.Id, ct);
        var certificate = EndingCertificate.Build(ending, parties, tasks, now);
        var text = JsonSerializer.Serialize(certificate, ContractEndingStore.Json);
        await ContractEndingStore.FinishAsync(c, tx, ending.Id, certificate.Outcome, text, now, ct);
        await ContractEndingStore.JournalAsync(c, tx, ending, now, actor, "contract-ending-certificate", new
        {
            kind = certificate.Kind, outcome = certificate.Outcome, notDone = certificate.NotDone,
            sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
        }, ct);
    }
}
