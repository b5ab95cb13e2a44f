namespace DsarEngine.Workflows.Requests;

// Who is submitting: the subject (public API, form) or staff logging a request received elsewhere.
internal enum IntakeOrigin
{
    Public,
    Staff,
    // A controller's request to this organisation as its processor, through the OpenDSR intake: the only origin that may
    // use the "controller" channel, which starts identity-verified and sends the subject nothing. The engine also uses it
    // for the organisation's own erasure of a child's data (Server/Children/ChildErasures): nobody asks, the child is not
    // written to. Neither staff nor subjects can choose it.
    Controller,
}

// Turns a raw submission into a NewRequest or names every problem with it. Pure: tenant
// existence and jurisdiction/regime lookups are the caller's (they need the database or the clock).
internal static partial class IntakeValidator
{
    public const int MaxDetailsLength = 10_000;
    public const int MaxNameLength = 200;
    public const int MaxIdentities = 20;
    public const int MaxIdentityValueLength = 200;

    // A staff member may log the receipt time of a letter; clocks drift, so allow a little skew.
    private static readonly TimeSpan FutureSkew = TimeSpan.FromMinutes(5);

    public static NewRequest? Validate(IntakeForm form, IntakeOrigin origin, DateTimeOffset now, IntakeErrors errors)
    {
        var tenant = Required(form.Tenant, "tenant", errors);
        if (tenant is not null && !IsSlug(tenant))
            errors.Add("tenant", "Must be an organisation slug: lowercase letters, digits and dashes.");

        var right = ValidateRight(form, errors);
        var purpose = ValidatePurpose(form, right, errors);
        var ground = ValidateRestrictionGround(form, right, errors);
        var channel = ValidateChannel(form.Channel, origin, errors);
        var subject = ValidateSubject(form.Subject, channel, errors);
        var changes = ValidateChanges(form.Changes, right, errors);
        var statement = ValidateStatement(form.Statement, right, errors);
        var details = ValidateAutomatedDecision(form.AutomatedDecision, right,
            ValidateDetails(form.Details, right, changes.Count > 0 || statement is not null || form.PostMortem is not null, errors),
            errors);
        var language = ValidateLanguage(form.Language, errors);
        var jurisdiction = ValidateJurisdiction(form.Jurisdiction, errors);
        // The subject does not choose the law (issue 15, E1): a regime in a public submission is ignored, and the
        // organisation's rules decide. Staff (and a controller passing a request to its processor) may name one, which is
        // added to the regimes the rules pick (RequestFraming): it can make the deadline earlier, never later.
        var regime = origin == IntakeOrigin.Public || string.IsNullOrWhiteSpace(form.Regime) ? null : form.Regime.Trim().ToLowerInvariant();
        var receivedAt = ValidateReceivedAt(form.ReceivedAt, origin, now, errors);
        var representative = ValidateRepresentative(form.Representative, errors);
        var appealOf = ValidateAppealOf(form, right, errors);
        var postMortem = ValidatePostMortem(form, right, representative, now, errors);
        var transmitTo = ValidateTransmission(form.TransmitTo, right, errors);
        var workspace = string.IsNullOrWhiteSpace(form.Workspace) ? null : form.Workspace.Trim().ToLowerInvariant();
        if (workspace is not null && (workspace.Length > 63 || !workspace.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')))
            errors.Add("workspace", "A workspace name: lowercase letters, digits and dashes (e.g. acme).");

        if (errors.Any || tenant is null || right is null || subject is null || channel is null)
            return null;
        return new NewRequest(tenant, right.Value, purpose, subject, details, channel.Value, jurisdiction, regime,
            language, receivedAt) {
            Changes = changes, Workspace = workspace, Representative = representative, AppealOf = appealOf, PostMortem = postMortem,
            RestrictionGround = ground, Statement = statement, TransmitTo = transmitTo,
        };
    }

    private static string? Required(string? value, string field, IntakeErrors errors)
    {
        if (!string.IsNullOrWhiteSpace(value))
            return value.Trim();
        errors.Add(field, "Required.");
        return null;
    }

    private static bool IsSlug(string value) =>
        value.Length is >= 2 and <= 63 && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
