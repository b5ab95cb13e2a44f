using DsarEngine.Connectors.Contracts;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Server.SubjectForm;

// What the person typed, exactly as sent: a refused form is shown again with every value kept.
internal sealed record FormInput
{
    public const int ChangeRows = 3;

    public string? Right { get; init; }
    public string? Email { get; init; }
    public string? Name { get; init; }
    public IReadOnlyDictionary<string, string> Identities { get; init; } = new Dictionary<string, string>();
    public string? Details { get; init; }
    public IReadOnlyList<(string Field, string Value)> Changes { get; init; } = [];
    // rectification: a supplementary statement completing the data (GDPR Art. 16).
    public string? Statement { get; init; }
    public string? ObjectionPurpose { get; init; }
    public string? ConsentPurpose { get; init; }
    public bool Acting { get; init; }
    public string? Relationship { get; init; }
    public string? RepresentativeName { get; init; }
    public string? RepresentativeEmail { get; init; }
    // restriction: the GDPR Art. 18(1) ground, when the person knows it (optional, as in the API).
    public string? RestrictionGround { get; init; }
    // automated-decision-review (GDPR Art. 22(3)): the decision, the person's point of view, whether they contest it.
    public string? Decision { get; init; }
    public string? PointOfView { get; init; }
    public bool Contest { get; init; }
    // Sent by the person (a fresh form is not): a box checked by default stays as they left it.
    public bool Posted { get; init; }
    // post-mortem-instructions (LIL art. 85): instructions, their revocation, or the after-death request.
    public string? PostMortemKind { get; init; }
    public string? PostMortemAction { get; init; }
    public string? PostMortemScope { get; init; }
    public string? DesigneeName { get; init; }
    public string? DesigneeEmail { get; init; }
    public string? DiedOn { get; init; }
    // GDPR Art. 20(2): the organisation a portability answer is also sent to, directly.
    public string? TransmitController { get; init; }
    public string? TransmitEmail { get; init; }

    public static FormInput From(IFormCollection form) => new()
    {
        Right = Value(form, "right"),
        Email = Value(form, "email"),
        Name = Value(form, "name"),
        Identities = FormIds.IdentityTypes.Where(t => Value(form, $"identity-{t}") is not null)
            .ToDictionary(t => t, t => Value(form, $"identity-{t}")!),
        Details = Value(form, "details"),
        Changes = [.. Enumerable.Range(0, ChangeRows)
            .Select(i => (Value(form, $"change-{i}-field") ?? "", Value(form, $"change-{i}-value") ?? ""))],
        Statement = Value(form, "statement"),
        ObjectionPurpose = Value(form, "objection-purpose"),
        ConsentPurpose = Value(form, "consent-purpose"),
        Acting = Value(form, "acting") == "yes",
        Relationship = Value(form, "representative-relationship"),
        RepresentativeName = Value(form, "representative-name"),
        RepresentativeEmail = Value(form, "representative-email"),
        RestrictionGround = Value(form, "restriction-ground"),
        Decision = Value(form, "adr-decision"),
        PointOfView = Value(form, "adr-view"),
        Contest = Value(form, "adr-contest") == "yes",
        Posted = true,
        PostMortemKind = Value(form, "post-mortem-kind"),
        PostMortemAction = Value(form, "post-mortem-action"),
        PostMortemScope = Value(form, "post-mortem-scope"),
        DesigneeName = Value(form, "designee-name"),
        DesigneeEmail = Value(form, "designee-email"),
        DiedOn = Value(form, "died-on"),
        TransmitController = Value(form, "transmit-controller"),
        TransmitEmail = Value(form, "transmit-email"),
    };

    // The same submission as POST /api/v1/requests takes (docs/api.md, "The submission"), channel web-form. Only the chosen
    // right's own fields go with it: the other sections stay visible without JavaScript and may hold stray values.
    public IntakeForm ToIntake(string tenant, string language, IReadOnlyCollection<string> identityTypes) => new()
    {
        Tenant = tenant,
        Right = Right,
        Purpose = Right switch { "objection" => ObjectionPurpose, "consent-withdrawal" => ConsentPurpose, _ => null },
        RestrictionGround = Right == "restriction" ? RestrictionGround : null,
        Statement = Right == "rectification" ? Statement : null,
        AutomatedDecision = Right == "automated-decision-review"
            ? new IntakeAutomatedDecision { Decision = Decision, PointOfView = PointOfView, Contest = Contest }
            : null,
        PostMortem = Right == "post-mortem-instructions" && PostMortemKind is not null ? ToPostMortem() : null,
        Subject = new IntakeSubject
        {
            Email = Email,
            Name = Name,
            Identities = [.. identityTypes.Where(Identities.ContainsKey)
                .Select(t => new IntakeIdentity { Type = t, Value = Identities[t] })],
        },
        Details = Details,
        Language = language,
        Channel = "web-form",
        Changes = Right == "rectification" && Changes.Any(c => c.Field.Length > 0 || c.Value.Length > 0)
            ? [.. Changes.Where(c => c.Field.Length > 0 || c.Value.Length > 0)
                .Select(c => new IntakeChange { Field = c.Field, Value = c.Value })]
            : null,
        Representative = Acting
            ? new IntakeRepresentative { Relationship = Relationship, Name = RepresentativeName, Email = RepresentativeEmail }
            : null,
        TransmitTo = Right == "portability" && (TransmitController is not null || TransmitEmail is not null)
            ? new IntakeTransmission { Controller = TransmitController, Email = TransmitEmail }
            : null,
    };

    // Only the kind's own fields go with it: intake refuses an action or a designee on a revocation, a date of death on
    // instructions. A date the browser could not send as yyyy-mm-dd is passed on as none, so that intake asks for it.
    private IntakePostMortem ToPostMortem() => new()
    {
        Kind = PostMortemKind,
        Action = PostMortemKind == Workflows.Requests.PostMortem.Instructions ? PostMortemAction : null,
        Scope = PostMortemKind == Workflows.Requests.PostMortem.Instructions && PostMortemScope is not null
            ? [.. PostMortemScope.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
            : null,
        Designee = PostMortemKind == Workflows.Requests.PostMortem.Instructions && (DesigneeName ?? DesigneeEmail) is not null
            ? new IntakeRepresentative { Name = DesigneeName, Email = DesigneeEmail }
            : null,
        DiedOn = PostMortemKind == Workflows.Requests.PostMortem.AfterDeath
            && DateOnly.TryParseExact(DiedOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var died)
            ? died
            : null,
    };

    private static string? Value(IFormCollection form, string key) =>
        form.TryGetValue(key, out var values) && values.ToString() is { Length: > 0 } v ? v : null;
}

// The form's field ids and names: stable, the browser tests and the error summary's links use them.
internal static class FormIds
{
    public static readonly IReadOnlyList<string> IdentityTypes = [SubjectIdentityTypes.CustomerId, SubjectIdentityTypes.Phone];
    public static readonly IReadOnlyList<string> ObjectionPurposes =
        ["direct-marketing", "direct-marketing-profiling", "profiling", "ai-processing", "ai-training", "other"];
    public static readonly IReadOnlyList<string> ConsentPurposes =
        ["direct-marketing", "analytics", "ai-processing", "ai-training", "other"];
    public static readonly IReadOnlyList<string> RestrictionGrounds = Workflows.Requests.RestrictionGrounds.All;
    public static readonly IReadOnlyList<string> PostMortemKinds = Workflows.Requests.PostMortem.Kinds;
    public static readonly IReadOnlyList<string> PostMortemActions = Workflows.Requests.PostMortem.Actions;
    // Who acts for the subject: for a living person, or after their death (LIL art. 85: the designee or an heir).
    public static readonly IReadOnlyList<string> Relationships = Workflows.Requests.Representative.Relationships;

    public static string Right(string slug) => $"right-{slug}";
    public static string Identity(string type) => $"identity-{type}";
    public static string ChangeField(int row) => $"change-{row}-field";
    public static string ChangeValue(int row) => $"change-{row}-value";
    public static string Objection(string purpose) => $"objection-purpose-{purpose}";
    public static string Consent(string purpose) => $"consent-purpose-{purpose}";
    public static string Relationship(string slug) => $"representative-relationship-{slug}";
    public static string Ground(string slug) => $"restriction-ground-{slug}";
    public static string PostMortemKind(string slug) => $"post-mortem-kind-{slug}";
    public static string PostMortemAction(string slug) => $"post-mortem-action-{slug}";
}
