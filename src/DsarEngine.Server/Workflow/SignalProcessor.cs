using Dapper;
using DsarEngine.Workflows.Deadlines;
using DsarEngine.Workflows.Journal;
using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Runtime;
using DsarEngine.Workflows.Security;
using Npgsql;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Settings;

namespace DsarEngine.Server.Workflow;

internal enum SignalResult
{
    Applied,
    Unchanged,
    Duplicate,
    NotFound,
    Refused,
}

// What became of a signal; a refused command says why (e.g. "Too late to extend: …").
internal sealed record SignalOutcome(SignalResult Result, string? Slug = null, string? Reason = null)
{
    public static implicit operator SignalOutcome(SignalResult result) => new(result);
}

// Where a signal came from: a bus message (deduplicated per consumer) or a person/timer (no message id).
internal sealed record SignalSource(string Consumer, Guid? MessageId);

// One transaction per signal (docs/architecture.md): inbox dedupe → lock instance and request → run the pure
// executor → save instance (version-checked) and request → journal → outbox, timers, mail → commit.
// Nothing outside the database happens inside; the outbox relay and the timer poller do the rest. This file holds the
// transaction; SignalProcessor.Effects.cs turns the executor's effects into its rows.
internal sealed partial class SignalProcessor(
    NpgsqlDataSource dataSource, IWorkflowDefinitions definitions, SecretTokens tokens, TimeProvider clock,
    Platform.Telemetry.EngineMetrics? metrics = null)
{
    // Set by the host (Dsar:Packs:Render): the rights whose render-pack steps really render (those with letters).
    public IReadOnlySet<string> RenderedRights { get; set; } = new HashSet<string>();

    // Set by the host (Dsar:Packs:RenderTimeoutMinutes): how long a render-pack step waits for the renderer.
    public TimeSpan RenderTimeout { get; set; } = TimeSpan.FromMinutes(60);

    public async Task<SignalOutcome> ProcessAsync(Guid requestId, Signal signal, SignalSource source, CancellationToken ct,
        Func<NpgsqlConnection, NpgsqlTransaction, Task<bool>>? guard = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var result = await ProcessAsync(connection, tx, requestId, signal, source, ct, guard);
        await tx.CommitAsync(ct);
        return result;
    }

    // What a signal reads once its instance is locked, in one round trip: the request (locked too), its organisation's
    // slug, closures and identity policy, its connectors, the legal holds in force, and the journal's last entry.
    private const string ReadsSql = $"""
        SELECT {StoredRequest.Columns} FROM requests WHERE id = @Id FOR UPDATE;
        SELECT slug, closure_days::text, identity_policy::text FROM tenants WHERE id = @TenantId;
        {RuntimeRows.ConnectorsSql};
        {LegalHolds.LegalHoldStore.InForceSql};
        {LastJournalSql}
        """;

    // For callers that already hold a transaction (the timer poller claims its timer row in the same one).
    public async Task<SignalOutcome> ProcessAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid requestId, Signal signal,
        SignalSource source, CancellationToken ct, Func<NpgsqlConnection, NpgsqlTransaction, Task<bool>>? guard = null)
    {
        using var activity = Platform.Telemetry.EngineMetrics.Source.StartActivity($"signal {signal.GetType().Name}");
        activity?.SetTag("dsar.request.id", requestId);
        activity?.SetTag("dsar.signal.source", source.Consumer);
        var now = Instants.Microseconds(clock.GetUtcNow());
        var instance = await InstanceRows.LockAsync(c, tx, requestId, ct);
        if (instance is null)
            return SignalResult.NotFound;
        // Without its definition the signal cannot be applied, so it is not consumed either (no inbox row, no guard: a
        // timer stays due and backs off); the instance is parked below, once, with what to do.
        var definition = definitions.Find(instance.DefinitionId, instance.DefinitionVersion);
        if (definition is not null && source.MessageId is { } messageId
            && !await RuntimeRows.FirstDeliveryAsync(c, tx, source.Consumer, messageId, instance.TenantId, now, ct))
            return SignalResult.Duplicate;
        if (definition is not null && guard is not null && !await guard(c, tx))
            return SignalResult.Unchanged;

        StoredRequest request;
        string slug, closuresJson;
        string? identityPolicy;
        IReadOnlyList<Workflows.Runtime.ConnectorInfo> connectors;
        IReadOnlyList<LegalHold> holds;
        JournalEntry? last;
        await using (var reads = await c.QueryMultipleAsync(new CommandDefinition(ReadsSql,
            new { Id = requestId, instance.TenantId, Today = DateOnly.FromDateTime(now.UtcDateTime) }, tx, cancellationToken: ct)))
        {
            request = await reads.ReadSingleAsync<StoredRequest>();
            (slug, closuresJson, identityPolicy) = await reads.ReadSingleAsync<(string, string, string?)>();
            connectors = RuntimeRows.Connectors(await reads.ReadAsync<RuntimeRows.ConnectorRow>());
            holds = LegalHolds.LegalHoldStore.InForce(await reads.ReadAsync<(string, string, DateTime?, string[])>());
            last = await reads.ReadSingleOrDefaultAsync<JournalEntry>();
        }
        var closures = RequestClock.ParseClosures(closuresJson);
        var context = new StepContext(now, request.RightKind, request.Reference,
            Regimes.TryGet(request.Regime, out var regime) && regime.StopFor(ClockStopReasons.IdentityProof, request.Clock.Right).Stops,
            request.DueAt, connectors)
        {
            Clock = request.TimeZone is null ? null : request.Clock,
            Closures = closures,
            RendersPacks = RenderedRights.Contains(request.RightKind),
            RenderTimeout = RenderTimeout,
            Channel = request.Channel,
            HasEmail = request.SubjectEmail() is not null,
            IdentityCheck = IdentityPolicyStore.Parse(identityPolicy).Resolve(request.RightKind, request.Channel, request.Purpose),
            Purpose = request.Purpose,
            TransmitTo = request.TransmissionRefusal is null ? request.Transmission?.Controller : null,
            LegalHolds = holds,
        };

        WorkflowInstance next;
        IReadOnlyList<Effect> effects;
        if (definition is null)
        {
            var missing = MissingDefinition(instance);
            if (instance.LastError == missing.Reason)
                return missing;
            (next, effects) = Park(instance, missing.Reason!);
        }
        else
        {
            try
            {
                (next, effects) = Executor.Advance(definition, instance, signal, context);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A step that fails parks the instance with the error; it is never silently dropped.
                next = instance with { Status = InstanceStatus.NeedsAttention, LastError = ex.Message, Attempts = instance.Attempts + 1 };
                effects =
                [
                    Effect.Journal.Of(new Workflows.Journal.Entries.IncidentEntry(null, ex.Message, next.Attempts)),
                    new Effect.SetRequestStatus(RequestStatus.NeedsAttention),
                ];
            }
        }
        if (effects.OfType<Effect.Refuse>().FirstOrDefault() is { } refusal)
            return new SignalOutcome(SignalResult.Refused, refusal.Slug, refusal.Reason);
        if (next == instance && effects.Count == 0)
            return SignalResult.Unchanged;

        // Every write of the signal goes in one round trip: the effects' rows, the instance, the request, and the notice
        // that makes the organisation's open inbox pages re-read at commit (status, step, due date may have moved).
        var writes = new List<Platform.SqlStatement>();
        var updated = await ApplyEffectsAsync(c, tx, new EffectScope(request, slug, closures, signal, now, last), effects, writes, ct);
        var instanceWrite = writes.Count;
        writes.Add(InstanceRows.Update(next, now));
        var requestWrite = updated == request ? -1 : writes.Count;
        if (requestWrite >= 0)
            writes.Add(new Platform.SqlStatement(UpdateRequestSql, updated with { Version = request.Version }));
        writes.Add(Inbox.InboxChanges.Notify(request.TenantId));
        var written = await Platform.SqlBatch.ExecuteAsync(c, tx, ct, writes);
        // Both rows are locked above, so neither can miss today; if one ever did, the instance and its request would
        // disagree, so the whole signal is refused instead (the caller's transaction rolls back).
        if (written[instanceWrite] != 1)
            throw new InvalidOperationException($"Workflow instance {next.RequestId} was changed concurrently (version {next.Version}).");
        if (requestWrite >= 0 && written[requestWrite] != 1)
            throw new InvalidOperationException($"Request {request.Id} was changed concurrently (version {request.Version}).");
        Finished(instance, next, now);
        activity?.SetTag("dsar.signal.result", "applied");
        return definition is null ? MissingDefinition(instance) : SignalResult.Applied;
    }

    // Each connector task this signal brought to an end (an answer, a failure, a timeout): its latency since the send.
    private void Finished(WorkflowInstance before, WorkflowInstance after, DateTimeOffset now)
    {
        if (metrics is null)
            return;
        foreach (var task in after.State.Tasks)
        {
            if (!task.IsTerminal || task.SentAt is not { } sent
                || before.State.Tasks.FirstOrDefault(t => t.TaskId == task.TaskId) is { IsTerminal: true })
                continue;
            metrics.TaskFinished(task.Action, task.EffectiveOutcome, task.Kind, now - sent);
        }
    }

    private const string UpdateRequestSql = """
        UPDATE requests SET status = @Status, time_zone = @TimeZone, received_on = @ReceivedOn, initial_due = @InitialDue,
            extension_notice_by = @ExtensionNoticeBy, extended_due = @ExtendedDue, acknowledge_by = @AcknowledgeBy,
            effective_due = @EffectiveDue, due_at = @DueAt, extended = @Extended, stops = @Stops::jsonb, version = version + 1
        WHERE id = @Id AND version = @Version
        """;

    public const string DefinitionMissing = "definition-missing";

    private static SignalOutcome MissingDefinition(WorkflowInstance i) => new(SignalResult.Refused, DefinitionMissing,
        $"The workflow definition {i.DefinitionId}@{i.DefinitionVersion} is not loaded: put its file back in the definitions folder " +
        "(a version may be removed only once no instance is pinned to it) and restart the engine; then retry the request " +
        "(one that had not started yet starts by itself).");

    // A request that never started stays pending (its start timer starts it once the file is back); any other is parked
    // in needs-attention. Either way the request shows needs-attention, and the journal says why.
    private static (WorkflowInstance, IReadOnlyList<Effect>) Park(WorkflowInstance i, string error) =>
        (i.Status == InstanceStatus.Pending
            ? i with { LastError = error }
            : i with { Status = InstanceStatus.NeedsAttention, LastError = error, Attempts = i.Attempts + 1 },
        [
            Effect.Journal.Of(new Workflows.Journal.Entries.IncidentEntry(null, error, i.Attempts + 1)),
            new Effect.SetRequestStatus(RequestStatus.NeedsAttention),
        ]);
}

// An instance pinned to a definition version that is not loaded (its file removed while instances still used it)
// cannot take any signal. Instead of throwing on every signal forever, it is parked once with what to do, and each
// signal is refused (slug definition-missing) without being consumed: a timer stays due and backs off, and fires
// once the file is back. A connector reply refused meanwhile is not lost for good: the task's timeout brings it back.
