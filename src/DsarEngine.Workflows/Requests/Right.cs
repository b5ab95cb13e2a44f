namespace DsarEngine.Workflows.Requests;

// The rights a data subject can exercise. The slug is the wire value (API, definitions, database).
internal enum Right
{
    Access,                 // GDPR Art. 15
    Rectification,          // Art. 16
    Erasure,                // Art. 17
    Restriction,            // Art. 18
    Portability,            // Art. 20
    Objection,              // Art. 21 — always to a named purpose
    ConsentWithdrawal,      // Art. 7(3)
    PostMortemInstructions, // France, Loi Informatique et Libertés art. 85
    Appeal,                 // Virginia, Colorado, Connecticut: an appeal of a refused request (docs/rights.md#appeals)
    AutomatedDecisionReview, // Art. 22(3): human intervention, the subject's point of view, contesting the decision
    OptOutOfSaleSharing,    // California only: Cal. Civ. Code §1798.120, §1798.135; 11 CCR §7026 (docs/rights.md#ccpa-opt-outs)
    LimitSensitiveUse,      // California only: Cal. Civ. Code §1798.121; 11 CCR §7027
}

internal static class Rights
{
    private static readonly Dictionary<string, Right> BySlug = new(StringComparer.Ordinal)
    {
        ["access"] = Right.Access,
        ["rectification"] = Right.Rectification,
        ["erasure"] = Right.Erasure,
        ["restriction"] = Right.Restriction,
        ["portability"] = Right.Portability,
        ["objection"] = Right.Objection,
        ["consent-withdrawal"] = Right.ConsentWithdrawal,
        ["post-mortem-instructions"] = Right.PostMortemInstructions,
        ["appeal"] = Right.Appeal,
        ["automated-decision-review"] = Right.AutomatedDecisionReview,
        ["opt-out-of-sale-sharing"] = Right.OptOutOfSaleSharing,
        ["limit-sensitive-use"] = Right.LimitSensitiveUse,
    };

    public static IReadOnlyCollection<string> Slugs => BySlug.Keys;

    // The rights a subject starts from the form: an appeal starts from the refused request (portal or API), never alone.
    public static IReadOnlyList<string> FormSlugs { get; } = [.. BySlug.Keys.Where(slug => slug != "appeal")];

    public static bool TryParse(string? slug, out Right right) =>
        BySlug.TryGetValue(slug ?? string.Empty, out right);

    // The rights only the CCPA/CPRA gives (California): refused under any other law, never identity-verified.
    public static bool IsCaliforniaOptOut(this Right right) => right is Right.OptOutOfSaleSharing or Right.LimitSensitiveUse;

    public static string ToSlug(this Right right) => BySlug.First(pair => pair.Value == right).Key;
}
