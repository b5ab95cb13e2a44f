namespace DsarEngine.Workflows.Packs;

// What a portability answer may hold. GDPR Art. 20(1) (and UK GDPR Art. 20(1), Swiss FADP Art. 28): personal data the
// subject provided, processed on consent (Art. 6(1)(a), 9(2)(a)) or a contract (6(1)(b)), by automated means; Art. 20(4):
// without adversely affecting the rights and freedoms of others. "Provided" is read as the EDPB's guidelines on
// portability (WP242 rev.01, endorsed 2018) read it: what the subject actively gave AND what was observed from their use
// of the service (activity logs, history, device data); data the controller derived or inferred, and data obtained from
// someone else, are not provided. Facts a connector did not state are not guessed: such records are included (the subject
// is never denied data on a system's silence; WP242 warns against an overly restrictive reading) and the letter says that
// the system did not state whether they qualify (docs/rights.md, row 16).
internal static class PortabilityScope
{
    // Why records were left out, in the order they are tested: the strongest reason is the one the letter gives.
    public const string Others = "others";
    public const string NotAutomated = "not-automated";
    public const string Basis = "basis";
    public const string NotProvided = "not-provided";

    public static readonly IReadOnlySet<string> Bases = new HashSet<string>(StringComparer.Ordinal)
    {
        "consent", "explicit-consent", "contract", "legal-obligation", "vital-interests", "public-task", "legitimate-interests",
    };

    public static readonly IReadOnlySet<string> Origins = new HashSet<string>(StringComparer.Ordinal)
    {
        "provided", "observed", "derived", "other-source",
    };

    private static readonly HashSet<string> PortableBases = new(StringComparer.Ordinal) { "consent", "explicit-consent", "contract" };

    private static readonly HashSet<string> ProvidedOrigins = new(StringComparer.Ordinal) { "provided", "observed" };

    // What a system said about a category or one record (null: not said). A value outside the vocabulary counts as unsaid.
    public sealed record Facts(string? LegalBasis, string? Origin, bool? Automated, bool? ConcernsOthers)
    {
        public static readonly Facts None = new(null, null, null, null);

        public Facts Over(Facts category) => new(LegalBasis ?? category.LegalBasis, Origin ?? category.Origin,
            Automated ?? category.Automated, ConcernsOthers ?? category.ConcernsOthers);

        public string? KnownBasis => Known(LegalBasis, Bases);

        public string? KnownOrigin => Known(Origin, Origins);

        private static string? Known(string? value, IReadOnlySet<string> vocabulary) =>
            value?.Trim().ToLowerInvariant() is { } v && vocabulary.Contains(v) ? v : null;
    }

    // Articles 20(1) and 20(4) under the GDPR and the laws that copy it; elsewhere (LGPD art. 18 V, CCPA 1798.100, PIPEDA)
    // portability is not limited to provided data, so only the others' rights test applies (CCPA 1798.145(k) too).
    public static bool ProvidedOnly(string? regime) =>
        regime?.Trim().ToLowerInvariant() is "gdpr" or "uk-gdpr" or "nfadp" or null;

    // Null: the record belongs in the answer; else the reason it is left out.
    public static string? Excluded(Facts facts, bool providedOnly)
    {
        if (facts.ConcernsOthers == true)
            return Others;
        if (!providedOnly)
            return null;
        if (facts.Automated == false)
            return NotAutomated;
        if (facts.KnownBasis is { } basis && !PortableBases.Contains(basis))
            return Basis;
        if (facts.KnownOrigin is { } origin && !ProvidedOrigins.Contains(origin))
            return NotProvided;
        return null;
    }

    // Included although the system did not say on what basis it holds the record or where the record comes from.
    public static bool Unstated(Facts facts, bool providedOnly) =>
        providedOnly && Excluded(facts, providedOnly) is null && (facts.KnownBasis is null || facts.KnownOrigin is null);

    // One category's decision: its own facts for every record, a record's own facts where the system gave them.
    public static Decision Decide(Facts category, int count, IReadOnlyDictionary<int, Facts> records, bool providedOnly)
    {
        var scoped = records.Where(r => r.Key >= 0 && r.Key < count).ToDictionary(r => r.Key, r => r.Value.Over(category));
        var reason = Excluded(category, providedOnly);
        var leftOut = new Dictionary<string, int>(StringComparer.Ordinal);
        if (reason is not null && count > scoped.Count)
            leftOut[reason] = count - scoped.Count;
        var unstated = reason is null && count > scoped.Count && Unstated(category, providedOnly);
        var excluded = new HashSet<int>();
        foreach (var (index, facts) in scoped)
            if (Excluded(facts, providedOnly) is { } why)
            {
                leftOut[why] = leftOut.GetValueOrDefault(why) + 1;
                excluded.Add(index);
            }
            else
                unstated |= Unstated(facts, providedOnly);
        var included = scoped.Keys.Where(i => !excluded.Contains(i)).ToHashSet();
        return new Decision(reason is null, excluded, included, leftOut, unstated);
    }

    // Keeps(i): whether record i goes into the answer. LeftOut: records left out, by reason. Unstated: some record kept
    // without its basis or origin stated.
    public sealed record Decision(
        bool KeepsUnscoped, IReadOnlySet<int> ExcludedScoped, IReadOnlySet<int> IncludedScoped,
        IReadOnlyDictionary<string, int> LeftOut, bool Unstated)
    {
        public bool Keeps(int index) =>
            !ExcludedScoped.Contains(index) && (KeepsUnscoped || IncludedScoped.Contains(index));

        public bool KeepsAll => KeepsUnscoped && ExcludedScoped.Count == 0;

        public bool KeepsNone(int count) => (!KeepsUnscoped && IncludedScoped.Count == 0) || LeftOut.Values.Sum() >= count;
    }
}
