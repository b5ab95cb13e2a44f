namespace DsarEngine.Workflows.Requests;

// An objection (GDPR Art. 21) or a consent withdrawal is always to a named purpose: Art. 21(2)–(3) make
// the objection to direct marketing absolute, so the purpose decides how the request is handled.
internal static class ObjectionPurposes
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "direct-marketing", "profiling", "ai-processing", "analytics", "legitimate-interests", "research", "other",
    };
}
