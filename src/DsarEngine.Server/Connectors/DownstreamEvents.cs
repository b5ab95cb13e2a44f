using DsarEngine.Connectors.Contracts;
using DsarEngine.Workflows.Runtime;
using DsarEngine.Server.Requests;

namespace DsarEngine.Server.Connectors;

// The events a publish-event step sends. The two erasure events go as raw JSON to their own stable topic
// exchanges (routing key = tenant) so that systems without MassTransit can read them; others are published
// as RequestEventOccurred through MassTransit's usual topology.
internal static class DownstreamEvents
{

    // Identity types that may leave in an event: identifiers to match on, never a postal address or free text.
    private static readonly HashSet<string> Matchable = new(StringComparer.Ordinal)
    {
        SubjectIdentityTypes.Email, SubjectIdentityTypes.Phone, SubjectIdentityTypes.CustomerId, SubjectIdentityTypes.AccountId,
        SubjectIdentityTypes.Username, SubjectIdentityTypes.DeviceId, SubjectIdentityTypes.LoyaltyCard,
    };

    public static (string? Destination, object Message) Build(Effect.PublishEvent p, string tenant, StoredRequest request,
        IReadOnlyList<SubjectIdentity> identities, DateTimeOffset now) => p.Name switch
    {
        "subject-erasure-requested" => (Queues.ErasureRequested,
            new SubjectErasureRequested(p.MessageId, tenant, request.Id, identities.Where(i => Matchable.Contains(i.Type)).ToList(), now)),
        "subject-erased" => (Queues.Erased, Erased(p, tenant, request, now)),
        _ => (null, new RequestEventOccurred(p.MessageId, p.Name, tenant, request.Id, request.Reference, request.RightKind,
            p.Data.GetValueOrDefault("outcome") is { Length: > 0 } o ? o : null) { Recipients = RecipientsOf(p) }),
    };

    // GDPR Art. 19: the recipients each system of the request reported, once per system and recipient.
    public static IReadOnlyList<RecipientToNotify> RecipientsOf(Effect.PublishEvent p) => p.Name != NotifyRecipients ? [] :
        [.. p.Tasks.SelectMany(t => t.Recipients.Select(r => new RecipientToNotify(t.Connector, r))).Distinct()];

    public const string NotifyRecipients = "recipients-notification-requested";

    private static SubjectErased Erased(Effect.PublishEvent p, string tenant, StoredRequest request, DateTimeOffset now)
    {
        var systems = p.Tasks.Where(t => t.Action == ConnectorActions.Erase)
            .Select(t => new SystemErasureOutcome(t.Connector, t.EffectiveOutcome,
                t.Retained.Select(r => new RetainedData(r.Category, r.LegalBasis, r.RetainUntil)).ToList()))
            .ToList();
        var outcome = systems.Any(s => s.Retained.Count > 0 || s.Status is not (TaskOutcomes.Done or TaskOutcomes.NotFound))
            ? "partial"
            : "completed";
        return new SubjectErased(p.MessageId, tenant, request.Id, outcome, systems, now);
    }
}
