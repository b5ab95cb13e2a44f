using System.Text.Json;
using DsarEngine.Workflows.Mail;
using DsarEngine.Server.Mail;
using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Tenants;

namespace DsarEngine.Server.Requests;

internal sealed partial class IntakeService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private StoredRequest NewStoredRequest(NewRequest request, Tenant tenant, RequestFrame frame, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        // The right sets the period under some regimes (152-FZ: 7 working days to rectify): the stored clock carries it.
        var clock = frame.Clock with { Right = request.Right };
        var deadline = clock.Right == frame.Clock.Right ? frame.Deadline : clock.Compute(RequestClock.ParseClosures(tenant.ClosureDays));
        return new StoredRequest(id, tenant.Id, PublicReference.New(),
            SecretTokensHash(id), request.Right.ToSlug(), request.ObjectionPurpose,
            JsonSerializer.Serialize(request.Subject, Json), request.Details, request.Channel.ToSlug(),
            frame.Clock.Jurisdiction, frame.Clock.Regime, frame.Language, RequestStatus.Received, frame.Clock.ReceivedAt, now, 1,
            null, null, null, null, null, null, null, null, false, "", "[]", RequestChanges.ToJson(request.Changes))
            .WithClock(clock, deadline) with
            {
                RestrictionGround = request.RestrictionGround, SubjectLocation = frame.SubjectLocation, LawSteps = frame.LawSteps,
                TransmitTo = request.TransmitTo is { } to ? JsonSerializer.Serialize(to, Json) : null,
                SupplementaryStatement = request.Statement,
            };
    }

    private byte[] SecretTokensHash(Guid id) =>
        Workflows.Security.SecretTokens.Hash(tokens.Derive(StatusLinks.Purpose, id));

    // The journal outlives erasure, so it records the legal frame and never the subject's data.
    // A request held by a processor (its customer has not accepted it) names the workspace it is about.
    private static string JournalData(StoredRequest request, Routed? routed, Workspace? held = null, object? initiative = null) =>
        JsonSerializer.Serialize(new
    {
        initiative,
        routedFrom = routed is null ? null : new { processor = routed.Processor.Slug, workspace = routed.Workspace.Key },
        heldFor = held is null
            ? null
            : new { workspace = held.Key, why = "the workspace's customer has not accepted requests from this processor" },
        right = request.RightKind,
        request.Channel,
        request.Jurisdiction,
        request.Regime,
        request.Language,
        request.ReceivedAt,
        request.TimeZone,
        request.ReceivedOn,
        request.InitialDue,
        request.ExtensionNoticeBy,
        request.AcknowledgeBy,
        request.EffectiveDue,
    }, Json);

    private static MailDraft Acknowledgement(StoredRequest request, string email, Routed? routed)
    {
        var model = new Dictionary<string, string> { ["reference"] = request.Reference };
        if (routed is not null)
            (model["routedBy"], model["workspace"]) = (routed.Processor.Name, routed.Workspace.DisplayName);
        return new(Guid.CreateVersion7(request.CreatedAt), email, MailTemplates.RequestReceived, request.Language,
            JsonSerializer.Serialize(model, Json));
    }
}
