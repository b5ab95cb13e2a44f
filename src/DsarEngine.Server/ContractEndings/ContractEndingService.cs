using System.Security.Claims;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Connectors;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Settings;
using DsarEngine.Server.Tenants;
using DsarEngine.Server.Workflow;
using Npgsql;

namespace DsarEngine.Server.ContractEndings;

internal enum StartOutcome
{
    Started,
    Refused,
    NotProcessor,
    NoWorkspace,
    Invalid,
    Running,
}

internal sealed record StartResult(StartOutcome Outcome, StoredEnding? Ending = null, Dictionary<string, string[]>? Errors = null);

// Records an end of contract and runs it (the API and a screen alike): an admin of a processor, a workspace of its own,
// every field checked at once, nothing stored on a refusal; then the first phase goes out in the same transaction.
internal sealed class ContractEndingService(NpgsqlDataSource dataSource, TenantStore tenants, WorkspaceStore workspaces,
    ConnectorStore connectors, ContractEndingRunner runner, TimeProvider clock, ILogger<ContractEndingService> log)
{
    public async Task<StartResult> StartAsync(ClaimsPrincipal by, string workspaceKey, ContractEndingBody? body, CancellationToken ct)
    {
        if (!SettingsRoles.MayChange(by))
            return new(StartOutcome.Refused);
        var tenantId = by.Tenant();
        if (await tenants.FindAsync(tenantId, ct) is not { IsProcessor: true })
            return new(StartOutcome.NotProcessor);
        if (await workspaces.FindAsync(tenantId, workspaceKey, ct) is not { } workspace)
            return new(StartOutcome.NoWorkspace);
        if (body is null)
            return new(StartOutcome.Invalid, Errors: new() { ["(root)"] = ["The end of contract: choice, agreedOn, exceptions."] });
        var now = clock.GetUtcNow();
        var names = (await connectors.ListAsync(tenantId, ct)).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var (exceptions, errors) = body.Check(names, DateOnly.FromDateTime(now.UtcDateTime));
        if (exceptions is null)
            return new(StartOutcome.Invalid, Errors: errors);
        var ending = new StoredEnding(Guid.CreateVersion7(now), tenantId, workspace.Key, workspace.CustomerTenantId, body.Choice!,
            body.AgreedOn!.Value, exceptions, EndingChoices.Returns(body.Choice!) ? EndingPhases.Export : EndingPhases.Erase, null, null,
            now, by.Actor(), null, null);
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        if (!await ContractEndingStore.InsertAsync(c, tx, ending, ct))
            return new(StartOutcome.Running);
        await ContractEndingStore.JournalAsync(c, tx, ending, now, by.Actor(), "contract-ending-recorded", new
        {
            workspace = ending.WorkspaceKey, choice = ending.Choice, agreedOn = ending.AgreedOn, exceptions = ending.Exceptions,
        }, ct);
        await runner.FanOutAsync(c, tx, ending, now, by.Actor(), ct);
        await tx.CommitAsync(ct);
        return new(StartOutcome.Started, ending);
    }

    // A connector's answer (the ReplyGuard accepted it): recorded once, by message id, on a task still waiting.
    public async Task<bool> AnswerAsync(TaskReference task, EndingAnswer answer, Guid? messageId, string actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        if (await ContractEndingStore.LockAsync(c, tx, task.RequestId, ct) is not { } ending)
            return false;
        if (messageId is { } id && !await RuntimeRows.FirstDeliveryAsync(c, tx, ContractEnding.Consumer, id, ending.TenantId, now, ct))
            return false;
        if (!await ContractEndingStore.AnswerAsync(c, tx, ending.Id, task.TaskId, task.Connector, answer, now, ct))
        {
            log.LogInformation("An answer for end-of-contract task {TaskId} changed nothing: not waiting", task.TaskId);
            return false;
        }
        await ContractEndingStore.JournalAsync(c, tx, ending, now, actor, "contract-ending-task", new
        {
            connector = task.Connector, taskId = task.TaskId, status = answer.Status, summary = answer.Summary, retained = answer.Retained,
            export = answer.Export is { } x ? new { x.Records, x.Bytes, x.Sha256 } : null,
        }, ct);
        await runner.AdvanceAsync(c, tx, ending, now, actor, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    // Tasks past their connector's timeout are recorded as timed out (never as done), and the end of contract moves on.
    public async Task<int> TimeOutDueAsync(ContractEndingStore store, CancellationToken ct)
    {
        var count = 0;
        foreach (var (endingId, taskId, connector) in await store.DueAsync(clock.GetUtcNow(), ct))
        {
            var task = new TaskReference(endingId, taskId, "", connector, ContractEnding.Right, "", 0);
            if (await AnswerAsync(task, new EndingAnswer(EndingTaskStatus.TimedOut,
                "No answer within the connector's timeout: not done.", [], null), null, "timer", ct))
                count++;
        }
        return count;
    }
}
