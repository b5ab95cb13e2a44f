using DsarEngine.Workflows.Packs;

namespace DsarEngine.Server.Packs;

// The records of an export category that a portability answer holds (GDPR Art. 20(1), 20(4); PortabilityScope decides).
// The archive and the letter both ask here, so the letter says exactly what the archive left out.
internal static class PortabilitySelection
{
    public static PortabilityScope.Decision Decide(ExportReader.Category category, bool providedOnly) =>
        PortabilityScope.Decide(category.Scope, category.Count, category.RecordScopes, providedOnly);

    // The category as the answer holds it: as it is, with only some records, or not at all (null).
    public static ExportReader.Category? Select(ExportReader.Category category, bool providedOnly)
    {
        var decision = Decide(category, providedOnly);
        if (decision.KeepsAll)
            return category;
        return decision.KeepsNone(category.Count) ? null : ExportReader.Only(category, decision.Keeps);
    }
}
