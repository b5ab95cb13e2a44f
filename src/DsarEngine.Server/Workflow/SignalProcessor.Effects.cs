using System.Text.Json;
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
        Signal Signal, DateTimeOffset Now, JournalEntry? LastEntry);

    // Turns effects into the statements of this transaction, added to `writes` in order (the caller sends them with its
    // own in one round trip), and returns the request as it must be saved. Only the designee's address is read here.
    private async Task<StoredRequest> ApplyEffectsAsync(NpgsqlConnection c, NpgsqlTransaction tx, EffectScope scope,
        IReadOnlyList<Effect> effects, List<Platform.SqlStatement> writes, CancellationToken ct)
    {
        var (request, slug, closures, signal, now, last) = scope;
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
                    writes.AddRange(JournalStore.Append(last));
                    break;
                // GDPR Art. 20(2): the receiving controller's link, to the address the subject gave for it.
                case Effect.Mail { Recipient: Effect.Mail.ReceivingController } m:
                    if (request.Transmission is { } to)
                        writes.Add(MailboxStore.Enqueue(request.TenantId, request.Id,
                            new MailDraft(
                                DeterministicId.From(request.Id.ToString(), m.Template,
                                    last?.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0"),
                                to.Email, m.Template, request.Language, JsonSerializer.Serialize(m.Model, Json)), now));
                    break;
                // LIL art. 85: the designee of recorded instructions, when they name one.
                case Effect.Mail { Recipient: Effect.Mail.Designee } m:
                    if (await PostMortemInstructions.PostMortemStore.DesigneeEmailAsync(c, tx, request.TenantId, request.Id, ct)
                        is { } designee)
                        writes.Add(MailboxStore.Enqueue(request.TenantId, request.Id,
                            new MailDraft(
                                DeterministicId.From(request.Id.ToString(), m.Template,
                                    last?.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0"),
                                designee, m.Template, request.Language, JsonSerializer.Serialize(m.Model, Json)), now));
                    break;
                case Effect.Mail m when email is not null:
                    writes.Add(MailboxStore.Enqueue(request.TenantId, request.Id,
                        new MailDraft(
                            DeterministicId.From(request.Id.ToString(), m.Template,
                                last?.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0"),
                            email, m.Template, request.Language, JsonSerializer.Serialize(m.Model, Json)), now));
                    break;
                case Effect.SendToConnector s:
                    var command = ConnectorCommandBuilder.Build(
                        s.Command, slug, s.Connector, request, Identities(request), RequestChangesOf(request), tokens);
                    if (ConnectorCommandBuilder.Destination(slug, s.Connector, s.Command.Kind) is { } destination)
                    {
                        writes.Add(RuntimeRows.Enqueue(s.MessageId, request.TenantId, request.Id, destination,
                            command.GetType().FullName!, JsonSerializer.Serialize(command, command.GetType(), Json), now));
                        outbox = true;
                    }
                    break;
                case Effect.PublishEvent p:
                    var (eventDestination, evt) = DownstreamEvents.Build(p, slug, request, Identities(request), now);
                    writes.Add(RuntimeRows.Enqueue(p.MessageId, request.TenantId, request.Id, eventDestination,
                        evt.GetType().FullName!, JsonSerializer.Serialize(evt, evt.GetType(), Json), now));
                    // GDPR Art. 19: one tracked record per recipient, in the same transaction as the event.
                    writes.AddRange(RequestNotices.RequestNoticeStore.AddRecipients(request, DownstreamEvents.RecipientsOf(p), now));
                    outbox = true;
                    break;
                case Effect.RenderPack r:
                    var render = new Workflows.Packs.RenderResponsePack(request.Id, request.TenantId);
                    writes.Add(RuntimeRows.Enqueue(r.MessageId, request.TenantId, request.Id, Connectors.Queues.PackRenderer,
                        typeof(Workflows.Packs.RenderResponsePack).FullName!, JsonSerializer.Serialize(render, Json), now));
                    outbox = true;
                    break;
                case Effect.RenderNoticeLetter n:
                    var notice = new Workflows.Packs.RenderNotice(request.Id, request.TenantId, n.Kind, n.Model);
                    writes.Add(RuntimeRows.Enqueue(n.MessageId, request.TenantId, request.Id, Connectors.Queues.PackRenderer,
                        typeof(Workflows.Packs.RenderNotice).FullName!, JsonSerializer.Serialize(notice, Json), now));
                    outbox = true;
                    break;
                case Effect.ScheduleTimer t:
                    writes.Add(RuntimeRows.Schedule(
                        DeterministicId.From(request.Id.ToString(), t.Kind, t.StepId ?? "",
                            t.DueAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        request.TenantId, request.Id, t.Kind, t.StepId, t.DueAt, now));
                    timers = true;
                    break;
                case Effect.CancelTimers t:
                    writes.Add(RuntimeRows.Cancel(request.Id, t.Kind, t.StepId, now));
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
                    var (id, insert) = IdentityChallenges.Create(tokens, request, challenge.Validity, now);
                    writes.Add(insert);
                    writes.Add(MailboxStore.Enqueue(request.TenantId, request.Id,
                        new MailDraft(DeterministicId.From(id.ToString(), "mail"), email, MailTemplates.IdentityChallenge, request.Language,
                            JsonSerializer.Serialize(new Dictionary<string, string>
                        {
                            ["reference"] = request.Reference, ["challenge"] = id.ToString(),
                            ["expiresAtIso"] = (now + challenge.Validity).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                        }, Json)), now));
                    break;
            }
        }
        if (outbox)
            writes.Add(RuntimeRows.Notify(RuntimeRows.OutboxChannel));
        if (timers)
            writes.Add(RuntimeRows.Notify(RuntimeRows.TimerChannel));
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
