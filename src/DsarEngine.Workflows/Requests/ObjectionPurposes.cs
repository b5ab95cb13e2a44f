namespace DsarEngine.Workflows.Requests;

// An objection (GDPR Art. 21) or a consent withdrawal is always to a named purpose: Art. 21(2)–(3) make
// the objection to direct marketing absolute, so the purpose decides how the request is handled. ai-processing: the
// organisation's use of the subject's data in AI features; ai-training: training models on it (usually on consent).
internal static class ObjectionPurposes
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "direct-marketing", "profiling", "ai-processing", "ai-training", "analytics", "legitimate-interests", "research", "other",
        "direct-marketing-profiling",
    };

    // GDPR Art. 21(2)-(3): the purpose for which an objection is absolute (no assessment, no refusal)...
    public const string DirectMarketing = "direct-marketing";

    // ...and profiling "to the extent that it is related to such direct marketing" (Art. 21(2)): absolute as well. A plain
    // "profiling" objection (scoring for credit, fraud, pricing) stays an Art. 21(1) objection that a person assesses.
    public const string DirectMarketingProfiling = "direct-marketing-profiling";

    public static bool IsDirectMarketing(string? purpose) => purpose is DirectMarketing or DirectMarketingProfiling;
}
