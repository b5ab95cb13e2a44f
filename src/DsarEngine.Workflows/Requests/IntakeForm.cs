namespace DsarEngine.Workflows.Requests;

// The JSON shape of a submission (public API, form, staff intake). Everything is optional here so that
// validation can name every missing field at once instead of failing on the first.
internal sealed record IntakeForm
{
    public string? Tenant { get; init; }
    public string? Right { get; init; }
    public string? Purpose { get; init; }
    // restriction only: the ground of GDPR Art. 18(1) (RestrictionGrounds).
    public string? RestrictionGround { get; init; }
    public IntakeSubject? Subject { get; init; }
    public string? Details { get; init; }
    public string? Jurisdiction { get; init; }
    public string? Regime { get; init; }
    public string? Language { get; init; }
    public string? Channel { get; init; }
    public DateTimeOffset? ReceivedAt { get; init; }
    public IReadOnlyList<IntakeChange>? Changes { get; init; }
    // rectification only: a supplementary statement completing the data (GDPR Art. 16, second sentence).
    public string? Statement { get; init; }
    // At a processor: the customer's workspace the request is about (e.g. "acme" for acme.helpdesk.example).
    public string? Workspace { get; init; }
    // Someone acting for the subject (a parent, a representative, an authorised agent): GDPR Art. 12(6), CCPA §7063.
    public IntakeRepresentative? Representative { get; init; }
    // For an appeal (VA, CO, CT): the reference of the refused request appealed.
    public string? AppealOf { get; init; }
    // Post-mortem instructions, their revocation, or the after-death request (LIL art. 85): IntakeValidator.PostMortem.cs.
    public IntakePostMortem? PostMortem { get; init; }
    // GDPR Art. 22(3), for automated-decision-review: the decision, the subject's point of view, whether they contest it.
    public IntakeAutomatedDecision? AutomatedDecision { get; init; }
    // GDPR Art. 20(2), for portability: the controller the subject asks us to send the data to directly.
    public IntakeTransmission? TransmitTo { get; init; }
}

internal sealed record IntakeTransmission
{
    public string? Controller { get; init; }
    public string? Email { get; init; }
}

internal sealed record IntakeAutomatedDecision
{
    public string? Decision { get; init; }
    public string? PointOfView { get; init; }
    public bool? Contest { get; init; }
}

internal sealed record IntakeRepresentative
{
    public string? Relationship { get; init; }
    public string? Name { get; init; }
    public string? Email { get; init; }
}

internal sealed record IntakeChange
{
    public string? Field { get; init; }
    public string? Value { get; init; }
}

internal sealed record IntakeSubject
{
    public string? Email { get; init; }
    public string? Name { get; init; }
    public IReadOnlyList<IntakeIdentity>? Identities { get; init; }
}

internal sealed record IntakeIdentity
{
    public string? Type { get; init; }
    public string? Value { get; init; }
}
