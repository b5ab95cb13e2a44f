using System.Text.Json;
using Dapper;
using DsarEngine.Workflows.Journal;
using DsarEngine.Workflows.Mail;
using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Runtime;
using Npgsql;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Connectors;
using DsarEngine.Server.Deadlines;
using DsarEngine.Server.Identity;
using DsarEngine.Server.Mail;

namespace DsarEngine.Server.Workflow;

internal sealed partial class SignalProcessor
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string LastJournalSql = """
        SELECT tenant_id, request_id, seq, at, actor, kind, data::text AS data, prev_hash, hash
        FROM request_journal WHERE request_id = @Id ORDER BY seq DESC LIMIT 1
        """;

    private sealed record EffectScope(StoredRequest Request, string TenantSlug, IReadOnlyList<Workflows.Deadlines.ClosureDay> Closures,
        Signal Signal, DateTimeOffset Now);

    // Turns effects into rows of this transaction and returns the request as it must be saved.
    private async Task<StoredRequest> ApplyEffectsAsync(NpgsqlConnection c, NpgsqlTransaction tx, EffectScope scope,
        IReadOnlyList<Effect> effects, CancellationToken ct)
    {
        var (request, slug, closures, signal, now) = scope;
        var last = await c.QuerySingleOrDefaultAsync<JournalEntry>(
            new CommandDefinition(LastJournalSql, new { request.Id }, tx, cancellationToken: ct));
        var actor = Actor(signal);
        // A processor answers the controller, never the subject directly (GDPR Art. 28(3)(e)).
        var email = request.Channel == "controller" ? null : request.SubjectEmail();
        bool outbox = false, timers = false;
        foreach (var effect in effects)
        {
            switch (effect)
            {
                case Effect.Journal j:
                    last = JournalChain.Append(
                        last, request.TenantId, request.Id, now, actor, j.Kind, JsonSerializer.Serialize(j.Data, Json));
                    await JournalStore.AppendAsync(c, tx, last, ct);
                    break;
                // GDPR Art. 20(2): the receiving controller's link, to the address the subject gave for it.
                case Effect.Mail { Recipient: Effect.Mail.ReceivingController } m:
                    if (request.Transmission is { } to)
                        await MailboxStore.EnqueueAsync(c, tx, request.TenantId, request.Id,
                            new MailDraft(
                                DeterministicId.From(request.Id.ToString(), m.Template,
                                    last?.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0"),
                                to.Email, m.Template, request.Language, JsonSerializer.Serialize(m.Model, Json)), now, ct);
                    break;
                // LIL art. 85: the designee of recorded instructions, when they name one.
                case Effect.Mail { Recipient: Effect.Mail.Designee } m:
                    if (await PostMortemInstructions.PostMortemStore.DesigneeEmailAsync(c, tx, request.TenantId, request.Id, ct)
                        is { } designee)
                        await MailboxStore.EnqueueAsync(c, tx, request.TenantId, request.Id,
                            new MailDraft(
                                DeterministicId.From(request.Id.ToString(), m.Template,
                                    last?.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0"),
                                designee, m.Template, request.Language, JsonSerializer.Serialize(m.Model, Json)), now, ct);
                    break;
                case Effect.Mail m when email is not null:
                    await MailboxStore.EnqueueAsync(c, tx, request.TenantId, request.Id,
                        new MailDraft(
                            DeterministicId.From(request.Id.ToString(), m.Template,
                                last?.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0"),
                            email, m.Template, request.Language, JsonSerializer.Serialize(m.Model, Json)), now, ct);
                    break;
                case Effect.SendToConnector s:
                    var command = ConnectorCommandBuilder.Build(
                        s.Command, slug, s.Connector, request, Identities(request), RequestChangesOf(request), tokens);
                    if (ConnectorCommandBuilder.Destination(slug, s.Connector, s.Command.Kind) is { } destination)
                    {
                        await RuntimeRows.EnqueueAsync(c, tx, s.MessageId, request.TenantId, request.Id, destination,
                            command.GetType().FullName!, JsonSerializer.Serialize(command, command.GetType(), Json), now, ct);
                        outbox = true;
                    }
                    break;
                case Effect.PublishEvent p:
                    var (eventDestination, evt) = DownstreamEvents.Build(p, slug, request, Identities(request), now);
                    await RuntimeRows.EnqueueAsync(c, tx, p.MessageId, request.TenantId, request.Id, eventDestination,
                        evt.GetType().FullName!, JsonSerializer.Serialize(evt, evt.GetType(), Json), now, ct);
                    // GDPR Art. 19: one tracked record per recipient, in the same transaction as the event.
                    await RequestNotices.RequestNoticeStore.AddRecipientsAsync(
                        c, tx, request, DownstreamEvents.RecipientsOf(p), now, ct);
                    outbox = true;
                    break;
                case Effect.RenderPack r:
                    var render = new Workflows.Packs.RenderResponsePack(request.Id, request.TenantId);
                    await RuntimeRows.EnqueueAsync(c, tx, r.MessageId, request.TenantId, request.Id, Connectors.Queues.PackRenderer,
                        typeof(Workflows.Packs.RenderResponsePack).FullName!, JsonSerializer.Serialize(render, Json), now, ct);
                    outbox = true;
                    break;
                case Effect.RenderNoticeLetter n:
                    var notice = new Workflows.Packs.RenderNotice(request.Id, request.TenantId, n.Kind, n.Model);
                    await RuntimeRows.EnqueueAsync(c, tx, n.MessageId, request.TenantId, request.Id, Connectors.Queues.PackRenderer,
                        typeof(Workflows.Packs.RenderNotice).FullName!, JsonSerializer.Serialize(notice, Json), now, ct);
                    outbox = true;
                    break;
                case Effect.ScheduleTimer t:
                    await RuntimeRows.ScheduleAsync(c, tx,
                        DeterministicId.From(request.Id.ToString(), t.Kind, t.StepId ?? "",
                            t.DueAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        request.TenantId, request.Id, t.Kind, t.StepId, t.DueAt, now, ct);
                    timers = true;
                    break;
                case Effect.CancelTimers t:
                    await RuntimeRows.CancelAsync(c, tx, request.Id, t.Kind, t.StepId, now, ct);
                    break;
                case Effect.SetRequestStatus st:
                    request = request with { Status = st.Status };
                    break;
                case Effect.StopClock stop:
                    request = ClockEffects.Stop(request, closures, stop.Reason, now);
                    break;
                case Effect.ResumeClock:
                    request = ClockEffects.Resume(request, closures, now);
                    break;
                case Effect.SetClock set:
                    request = request.WithClock(set.Clock, set.Clock.Compute(closures));
                    break;
                case Effect.CreateIdentityChallenge challenge when email is not null:
                    var id = await IdentityChallenges.CreateAsync(c, tx, tokens, request, challenge.Validity, now, ct);
                    await MailboxStore.EnqueueAsync(c, tx, request.TenantId, request.Id,
                        new MailDraft(DeterministicId.From(id.ToString(), "mail"), email, MailTemplates.IdentityChallenge, request.Language,
                            JsonSerializer.Serialize(new Dictionary<string, string>
                        {
                            ["reference"] = request.Reference, ["challenge"] = id.ToString(),
                            ["expiresAtIso"] = (now + challenge.Validity).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                        }, Json)), now, ct);
                    break;
            }
        }
        if (outbox)
            await RuntimeRows.NotifyAsync(c, tx, RuntimeRows.OutboxChannel, ct);
        if (timers)
            await RuntimeRows.NotifyAsync(c, tx, RuntimeRows.TimerChannel, ct);
        return request;
    }


    private static string Actor(Signal signal) => signal switch
    {
        Signal.IdentityVerified v => v.Actor,
        Signal.Decision d => d.Actor,
        Signal.Retry r => r.Actor,
        Signal.Skip s => s.Actor,
        Signal.Close c => c.Actor,
        Signal.Withdraw w => w.Actor,
        Signal.RearmTimers r => r.Actor,
        Signal.Extend e => e.Actor,
        Signal.PauseClock p => p.Actor,
        Signal.ResumeClock r => r.Actor,
        Signal.TaskCompletedManually m => m.Actor,
        Signal.RetryTask r => r.Actor,
        Signal.LiftRestriction l => l.Actor,
        Signal.ReapplyErasure r => r.Actor,
        Signal.TaskProgressed or Signal.TaskCompleted or Signal.TaskFailed => "connector",
        Signal.PackRendered or Signal.NoticeRendered => "renderer",
        _ => "engine",
    };

    internal static List<global::DsarEngine.Connectors.Contracts.SubjectIdentity> Identities(StoredRequest request)
    {
        var subject = JsonSerializer.Deserialize<Subject>(request.Subject, Json)!;
        var identities = subject.Identities
            .Select(i => new global::DsarEngine.Connectors.Contracts.SubjectIdentity(i.Type, i.Value))
            .ToList();
        if (subject.Email is { } email && !identities.Any(i => i.Type == "email" && i.Value == email))
            identities.Insert(0, new global::DsarEngine.Connectors.Contracts.SubjectIdentity("email", email));
        return identities;
    }

    private static List<global::DsarEngine.Connectors.Contracts.FieldChange> RequestChangesOf(StoredRequest request) =>
        [.. Workflows.Requests.RequestChanges.Parse(request.Changes)
            .Select(c => new global::DsarEngine.Connectors.Contracts.FieldChange(c.Field, c.Value))];
}
