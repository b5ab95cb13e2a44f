using System.Security.Cryptography;
using DsarEngine.Workflows.Definitions;
using DsarEngine.Workflows.Journal;
using DsarEngine.Server.Tenants;
using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Security;
using DsarEngine.Workflows.Tenants;
using DsarEngine.Server.Workflow;

namespace DsarEngine.Server.Requests;

internal sealed record IntakeCommand(IntakeForm Form, IntakeOrigin Origin, byte[] RawBody, string? IdempotencyKey,
    string? BrowserOrigin, string Actor, Guid? StaffTenant)
{
    // What came with the request and must be stored in its own transaction (the form's documents): a crash keeps both or
    // neither. Not run when the submission is a replay or is refused.
    public IntakeAttachments? Attachments { get; init; }

    // Set when the organisation opens the request itself, with nobody asking (a child's data, GDPR Art. 17(1)(f)): why, in
    // words without the subject's data, recorded in the journal's first entry (Children/ChildErasures).
    public object? Initiative { get; init; }

    // 11 CCR §7025: the browser sent a Global Privacy Control signal (Sec-GPC: 1) with the submission; recorded on the request.
    public bool GlobalPrivacyControl { get; init; }
}

// Writes what belongs to a request inside the transaction that stores it.
internal delegate Task IntakeAttachments(Npgsql.NpgsqlConnection connection, Npgsql.NpgsqlTransaction tx, StoredRequest request,
    CancellationToken ct);

internal abstract record IntakeResult
{
    public sealed record Accepted(StoredRequest Request, bool Replayed) : IntakeResult
    {
        // Set when a processor passed the request to its customer, the controller, who now holds it.
        public Routed? Routing { get; init; }

        // Someone acts for the subject: the proof the request's law asks of them (docs/rights.md#representatives).
        public string? ProofRequired { get; init; }
    }

    // A processor's customer that is not on this engine: nothing was stored but the processor's log entry.
    public sealed record Referred(Workspace Workspace, Tenant Processor, string Language) : IntakeResult;
    public sealed record Invalid(Dictionary<string, string[]> Errors) : IntakeResult;
    public sealed record Refused(int Status, string Slug, string Title, string Detail) : IntakeResult;
}

// The one path by which a request enters the engine (public API, form, staff intake): validate, decide its
// legal frame, and store it with its journal entry and acknowledgement in one transaction.
internal sealed partial class IntakeService(
    TenantStore tenants, TenantCache tenantCache, RequestStore requests, WorkspaceStore workspaces, SecretTokens tokens,
    DefinitionCatalog definitions, Appeals.AppealStore appeals, Platform.Telemetry.EngineMetrics metrics, TimeProvider clock)
{
    public async Task<IntakeResult> SubmitAsync(IntakeCommand command, CancellationToken ct)
    {
        var result = await SubmitAsync(command, 1, ct);
        // A refusal may rest on settings this node read before someone changed them (an origin added on another node):
        // it stands only when the settings it used are still current.
        if (result is IntakeResult.Invalid or IntakeResult.Refused && command.Form.Tenant is { } slug
            && await tenantCache.RefreshAsync(slug, ct))
            result = await SubmitAsync(command, 1, ct);
        return result;
    }

    // An organisation whose settings change while its request is framed gets the request framed again with the new ones.
    private const int FramingAttempts = 3;

    private async Task<IntakeResult> SubmitAsync(IntakeCommand command, int attempt, CancellationToken ct)
    {
        // What we answer must equal what we stored.
        var now = Instants.Microseconds(clock.GetUtcNow());
        var errors = new IntakeErrors();
        var request = IntakeValidator.Validate(command.Form, command.Origin, now, errors);
        var key = ValidateIdempotencyKey(command.IdempotencyKey, errors);
        var tenant = request is null ? null : await tenantCache.FindBySlugAsync(request.TenantSlug, ct);
        if (request is not null && (tenant is null || (command.StaffTenant is { } staffTenant && staffTenant != tenant.Id)))
            errors.Add("tenant", command.StaffTenant is null
                ? $"Unknown organisation '{request.TenantSlug}'."
                : "Your API key belongs to another organisation.");
        var (workspace, controller, held) = await RouteAsync(request, tenant, errors, ct);
        var receivedAt = request?.ReceivedAt is { } at ? Instants.Microseconds(at) : now;
        if (!errors.Any && request is not null && tenant is not null && workspace is not null && controller is null)
            // Nothing of a referral passes the settings check of the request batch: it uses the processor's current row.
            return await ReferAsync(command, request, await tenants.FindAsync(tenant.Id, ct) ?? tenant, workspace, now, ct);
        var (frame, appealed) = request is null || controller is null ? (null, null)
            : request.Right == Right.Appeal && !errors.Any ? await FrameAppealAsync(request, controller, receivedAt, errors, ct)
            : request.Right == Right.Appeal ? (null, null)
            : (RequestFraming.Frame(request, controller, receivedAt, errors), null);
        if (errors.Any || request is null || tenant is null || controller is null || frame is null)
            return new IntakeResult.Invalid(errors.ToDictionary());

        if (command.BrowserOrigin is { } origin && !tenant.AllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase))
            return new IntakeResult.Refused(StatusCodes.Status403Forbidden, "origin-not-allowed",
                "This website may not submit requests for this organisation.", $"Add {origin} to the organisation's allowed origins.");

        var routed = workspace is null || held ? null : new Routed(tenant, workspace, controller);
        var stored = NewStoredRequest(request, controller, frame, now) with
        {
            GlobalPrivacyControl = command.GlobalPrivacyControl,
        };
        var journal = JournalChain.Append(null, controller.Id, stored.Id, now, command.Actor, Workflows.Journal.JournalKinds.Received,
            JournalData(stored, routed, held ? workspace : null, command.Initiative));
        var mail = request.Subject.Email is { } email && request.Channel != Channel.Controller
            ? Acknowledgement(stored, email, routed)
            : null;
        var claim = key is null ? null : new IdempotencyClaim(key, SHA256.HashData(command.RawBody));
        // The workflow is pinned to the definition version current at intake; later versions never change it.
        if (!definitions.Serves(stored.RightKind))
            return new IntakeResult.Refused(StatusCodes.Status422UnprocessableEntity, "right-not-offered",
                "This organisation has no workflow for this right.",
                $"No workflow definition serves '{stored.RightKind}'; nothing was stored.");
        var definition = definitions.ForRight(stored.RightKind);
        var routing = routed is not null
            ? new RoutingRecord(tenant.Id, routed.Workspace.Key, stored.RightKind, "forwarded", controller.Id, null, now)
            : held ? new RoutingRecord(tenant.Id, workspace!.Key, stored.RightKind, "held", workspace.CustomerTenantId, null, now)
            : null;
        var outcome = await requests.SubmitAsync(
            stored, journal, mail, claim, ct, new WorkflowStart(definition.Id, definition.Version), routing,
            WithAppeal(appealed, WithPostMortem(request, Attachments(request.Representative, command.Attachments))),
            [TenantCache.Guard(tenant)]);
        if (outcome.Result == SubmitResult.SettingsChanged)
        {
            tenantCache.Forget(tenant);
            return attempt < FramingAttempts ? await SubmitAsync(command, attempt + 1, ct)
                : new IntakeResult.Refused(StatusCodes.Status503ServiceUnavailable, "settings-changing",
                    "The organisation's settings are being changed; nothing was stored.", "Try again in a moment.");
        }
        if (outcome.Result == SubmitResult.Created)
            metrics.Received(stored.RightKind, stored.Channel);
        return outcome.Result switch
        {
            SubmitResult.Created => new IntakeResult.Accepted(outcome.Request!, Replayed: false)
            {
                Routing = routed, ProofRequired = ProofRequired(request, frame),
            },
            SubmitResult.Replayed => new IntakeResult.Accepted(outcome.Request!, Replayed: true)
            {
                Routing = routed, ProofRequired = ProofRequired(request, frame),
            },
            _ => new IntakeResult.Refused(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused",
                "This Idempotency-Key was used for a different submission.", "Use a new key for a new request; nothing was stored."),
        };
    }

    private static IntakeAttachments? Attachments(Representative? representative, IntakeAttachments? documents) =>
        representative is null ? documents : async (c, tx, stored, ct) =>
        {
            await RequestStore.WriteRepresentativeAsync(c, tx, stored, representative, ct);
            if (documents is not null)
                await documents(c, tx, stored, ct);
            // A proof of authority uploaded with the form is the proof received; a person still confirms it.
            await Representatives.RepresentativeStore.MarkReceivedAsync(c, tx, stored.TenantId, stored.Id, ct);
        };

    // The request is held (no assessment can proceed) until a person confirms this proof.
    private static string? ProofRequired(NewRequest request, RequestFrame frame)
    {
        if (request.Representative is not { } representative)
            return null;
        var proof = RepresentativeProof.For(frame.Clock.Regime, frame.Clock.Jurisdiction, representative.Relationship, request.Right);
        return $"{proof.Documents} ({proof.Source})"
            + (proof.SubjectConfirms ? "; the organisation may also ask the subject to confirm directly." : ".");
    }

    private static string? ValidateIdempotencyKey(string? key, IntakeErrors errors)
    {
        if (key is null)
            return null;
        if (key.Length is >= 8 and <= 255 && key.All(c => c is >= '!' and <= '~'))
            return key;
        errors.Add("Idempotency-Key", "Must be 8 to 255 visible ASCII characters (a UUID is a good choice).");
        return null;
    }
}
