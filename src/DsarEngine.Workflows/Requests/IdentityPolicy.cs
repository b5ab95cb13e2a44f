namespace DsarEngine.Workflows.Requests;

// How the organisation checks who a subject is, per right, channel and purpose (GDPR Art. 12(6); EDPB Guidelines 01/2022
// §§64-79): proportionate to the harm a wrong answer could do. "none": the request goes on without a check (withdrawing
// consent or objecting to direct marketing harms no one if someone else asks); "email": the one-time link and code sent
// to the address given, which every request with an address can answer at once; "manual": a person checks (a letter or
// a call for requests that came on paper). None of these stops the legal clock: only a person's stated reasonable doubt
// does (a clock stop "identity-proof" with the doubt as its note), as Art. 12(6) and UK GDPR Art. 12A say.
internal sealed record IdentityRule(string Check, string? Right = null, string? Channel = null, string? Purpose = null)
{
    public bool Matches(string right, string channel, string? purpose) =>
        (Right is null || Right == right) && (Channel is null || Channel == channel) && (Purpose is null || Purpose == purpose);

    // More named fields: more specific; ties keep the order the organisation wrote.
    public int Specificity => (Right is null ? 0 : 4) + (Purpose is null ? 0 : 2) + (Channel is null ? 0 : 1);
}

internal sealed record IdentityPolicy(IReadOnlyList<IdentityRule> Rules, string Otherwise = IdentityChecks.Email)
{
    public const int MaxRules = 60;

    // What an organisation that never set a policy gets: no friction where a wrong requester harms no one.
    public static readonly IdentityPolicy Default = new(
    [
        new(IdentityChecks.None, Right: "consent-withdrawal"),
        new(IdentityChecks.None, Right: "objection", Purpose: "direct-marketing"),
        new(IdentityChecks.None, Right: "objection", Purpose: "direct-marketing-profiling"),
    ]);

    // The most specific matching rule wins; a request no rule names gets Otherwise.
    public string Resolve(string right, string channel, string? purpose) =>
        Rules.Select((rule, index) => (rule, index)).Where(r => r.rule.Matches(right, channel, purpose))
            .OrderByDescending(r => r.rule.Specificity).ThenBy(r => r.index).Select(r => r.rule.Check).FirstOrDefault()
        ?? Otherwise;

    // Field errors keyed like the JSON ("rules[2].right"); empty when the policy can be saved.
    public IReadOnlyDictionary<string, string[]> Check()
    {
        var errors = new Dictionary<string, string[]>();
        if (!IdentityChecks.All.Contains(Otherwise ?? ""))
            errors["otherwise"] = [$"Expected one of {string.Join(", ", IdentityChecks.All)}."];
        if (Rules is null)
        {
            errors["rules"] = ["Give a list of rules (it may be empty)."];
            return errors;
        }
        if (Rules.Count > MaxRules)
            errors["rules"] = [$"At most {MaxRules} rules."];
        for (var n = 0; n < Rules.Count; n++)
        {
            var rule = Rules[n];
            if (rule is null)
            {
                errors[$"rules[{n}]"] = ["A rule cannot be null."];
                continue;
            }
            if (!IdentityChecks.All.Contains(rule.Check ?? ""))
                errors[$"rules[{n}].check"] = [$"Expected one of {string.Join(", ", IdentityChecks.All)}."];
            if (rule.Right is not null && !Rights.TryParse(rule.Right, out _))
                errors[$"rules[{n}].right"] = [$"Unknown right '{rule.Right}': expected one of {string.Join(", ", Rights.Slugs)}."];
            if (rule.Channel is not null && (!Channels.TryParse(rule.Channel, out _) || rule.Channel == "controller"))
                errors[$"rules[{n}].channel"] = [$"Unknown channel '{rule.Channel}': expected one of " +
                    $"{string.Join(", ", Channels.Slugs.Where(s => s != "controller"))} (a controller's request is its own to verify)."];
            if (rule.Purpose is not null && !ObjectionPurposes.All.Contains(rule.Purpose))
                errors[$"rules[{n}].purpose"] = [$"Unknown purpose '{rule.Purpose}': expected one of " +
                    $"{string.Join(", ", ObjectionPurposes.All)}."];
        }
        return errors;
    }
}

internal static class IdentityChecks
{
    public const string None = "none";
    public const string Email = "email";
    public const string Manual = "manual";

    public static readonly IReadOnlyList<string> All = [None, Email, Manual];
}
