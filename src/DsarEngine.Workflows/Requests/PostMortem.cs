namespace DsarEngine.Workflows.Requests;

// France, Loi Informatique et Libertés art. 85, as structured fields instead of free text (docs/rights.md#post-mortem-instructions):
// - "instructions": what to do with the data after death (erase, communicate to the designee, keep), over which scope,
//   and the person designated to carry them out (art. 85 I: "une personne chargée de leur exécution");
// - "revocation": the subject revokes every earlier instruction of theirs ("révocables à tout moment");
// - "after-death": the designee or an heir, after the subject's death, asks for the instructions to be carried out
//   (art. 85 I and II): the subject fields then name the deceased, the representative the requester (relationship
//   "designee" or "heir"), whose proof (death certificate, designation or heirship) staff confirm before anything proceeds.
internal sealed record PostMortem(string Kind, string? Action, IReadOnlyList<string> Scope, PostMortemDesignee? Designee, DateOnly? DiedOn)
{
    public const string Instructions = "instructions";
    public const string Revocation = "revocation";
    public const string AfterDeath = "after-death";

    public static readonly IReadOnlyList<string> Kinds = [Instructions, Revocation, AfterDeath];

    public static readonly IReadOnlyList<string> Actions = ["erase", "communicate", "keep"];
}

internal sealed record PostMortemDesignee(string Name, string Email);

internal sealed record IntakePostMortem
{
    public string? Kind { get; init; }
    public string? Action { get; init; }
    public IReadOnlyList<string>? Scope { get; init; }
    public IntakeRepresentative? Designee { get; init; }
    public DateOnly? DiedOn { get; init; }
}
