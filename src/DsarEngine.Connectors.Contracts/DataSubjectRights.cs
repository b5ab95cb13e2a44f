namespace DsarEngine.Connectors.Contracts;

/// <summary>
/// The rights a data-subject request can exercise, as they appear on the wire (API, bus messages,
/// workflow definitions). These values are a contract: they never change meaning.
/// </summary>
public static class DataSubjectRights
{
    /// <summary>Right of access (GDPR Art. 15).</summary>
    public const string Access = "access";

    /// <summary>Right to rectification (GDPR Art. 16).</summary>
    public const string Rectification = "rectification";

    /// <summary>Right to erasure (GDPR Art. 17).</summary>
    public const string Erasure = "erasure";

    /// <summary>Right to restriction of processing (GDPR Art. 18).</summary>
    public const string Restriction = "restriction";

    /// <summary>Right to data portability (GDPR Art. 20).</summary>
    public const string Portability = "portability";

    /// <summary>Right to object to processing for a named purpose (GDPR Art. 21).</summary>
    public const string Objection = "objection";

    /// <summary>Withdrawal of consent for a named purpose (GDPR Art. 7(3)).</summary>
    public const string ConsentWithdrawal = "consent-withdrawal";

    /// <summary>Instructions for the processing of data after death (France, Loi Informatique et Libertés art. 85).</summary>
    public const string PostMortemInstructions = "post-mortem-instructions";

    /// <summary>
    /// An appeal of a refused request (Virginia, Colorado, Connecticut). Engine-side only: no connector command carries it.
    /// </summary>
    public const string Appeal = "appeal";

    /// <summary>
    /// Human review of a decision based solely on automated processing (GDPR Art. 22(3)): the subject expresses their
    /// point of view and contests the decision; a person of the controller reviews it.
    /// </summary>
    public const string AutomatedDecisionReview = "automated-decision-review";

    /// <summary>
    /// The right to opt out of the sale or sharing of personal information (California, Cal. Civ. Code §1798.120,
    /// §1798.135; 11 CCR §7026). Exists only under the CCPA/CPRA; never verified (11 CCR §7026(d)).
    /// </summary>
    public const string OptOutOfSaleSharing = "opt-out-of-sale-sharing";

    /// <summary>
    /// The right to limit the use and disclosure of sensitive personal information (California, Cal. Civ. Code §1798.121;
    /// 11 CCR §7027). Exists only under the CCPA/CPRA; never verified (11 CCR §7027).
    /// </summary>
    public const string LimitSensitiveUse = "limit-sensitive-use";

    /// <summary>Every right, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Access, Rectification, Erasure, Restriction, Portability, Objection, ConsentWithdrawal, PostMortemInstructions, Appeal,
            AutomatedDecisionReview, OptOutOfSaleSharing, LimitSensitiveUse];
}
