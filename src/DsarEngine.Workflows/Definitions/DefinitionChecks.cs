namespace DsarEngine.Workflows.Definitions;

// What the schema cannot say about one definition: step ids unique, exactly one 'close' and it is last, and
// steps that change or announce data only in workflows serving the right that asks for them.
internal static class DefinitionChecks
{
    // A connector action that changes data only belongs to the right that asks for that change.
    private static readonly Dictionary<string, string> ActionNeedsRight = new(StringComparer.Ordinal)
    {
        ["erase"] = "erasure", ["rectify"] = "rectification", ["restrict"] = "restriction", ["lift-restriction"] = "restriction",
        ["stop-sale-sharing"] = "opt-out-of-sale-sharing", ["limit-sensitive-use"] = "limit-sensitive-use",
    };

    // California's opt-outs are not verifiable requests: a business may not require the consumer to verify their identity
    // (11 CCR §7026(d), §7027), so no workflow serving them may have a verify-identity step, whatever its policy.
    private static readonly string[] UnverifiedRights = ["opt-out-of-sale-sharing", "limit-sensitive-use"];

    // Downstream systems purge on these events; an access workflow announcing an erasure would lose data.
    private static readonly Dictionary<string, string> EventNeedsRight = new(StringComparer.Ordinal)
    {
        ["subject-erasure-requested"] = "erasure", ["subject-erased"] = "erasure",
    };

    // GDPR Art. 19: the controller tells recipients of any rectification (Art. 16), erasure (Art. 17(1)) or
    // restriction (Art. 18); no other GDPR right has recipients to notify.
    // 11 CCR §7026(f)(2), §7027(g)(3): the third parties the data was sold, shared or disclosed to are told of an opt-out.
    private static readonly string[] NotifyingRights =
        ["rectification", "erasure", "restriction", "opt-out-of-sale-sharing", "limit-sensitive-use"];

    // The rights whose requests name a purpose (IntakeValidator), so a step can depend on it.
    private static readonly string[] PurposeRights = ["objection", "consent-withdrawal"];

    public static IEnumerable<(string Path, string Message)> Check(DefinitionDocument d)
    {
        var firstUse = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < d.Steps.Length; i++)
        {
            var step = d.Steps[i];
            if (!firstUse.TryAdd(step.Id, i))
                yield return ($"/steps/{i}/id", $"Step id '{step.Id}' is already used by /steps/{firstUse[step.Id]}.");
            if (step.Type == StepTypes.Close && i != d.Steps.Length - 1)
                yield return ($"/steps/{i}", "'close' must be the last step, and there can be only one.");
            if (step.Action is { } action && ActionNeedsRight.TryGetValue(action, out var right) && !d.Rights.Contains(right))
                yield return ($"/steps/{i}/action", $"'{action}' only belongs in a workflow serving {right}.");
            if (step.Event is { } name && EventNeedsRight.TryGetValue(name, out var eventRight) && !d.Rights.Contains(eventRight))
                yield return ($"/steps/{i}/event", $"'{name}' only belongs in a workflow serving {eventRight}.");
            if (step.Action == "stop-processing" && d.Rights.Except(PurposeRights).Any())
                yield return ($"/steps/{i}/action",
                    $"'stop-processing' stops the purpose a request names: only a workflow serving {string.Join(" or ", PurposeRights)}.");
            if (step.SkipForPurposes is { Length: > 0 } && !d.Rights.Intersect(PurposeRights).Any())
                yield return ($"/steps/{i}/skipForPurposes",
                    $"Only a workflow serving {string.Join(" or ", PurposeRights)} has requests with a purpose.");
            if (step.Type == StepTypes.VerifyIdentity && d.Rights.Intersect(UnverifiedRights).Any())
                yield return ($"/steps/{i}/type",
                    "An opt-out of sale/sharing or a request to limit the use of sensitive personal information is never " +
                    "verified (11 CCR §7026(d), §7027): remove 'verify-identity'.");
            if (step.Type == StepTypes.NotifyRecipients && !d.Rights.Intersect(NotifyingRights).Any())
                yield return ($"/steps/{i}/type",
                    $"'notify-recipients' (GDPR Art. 19; 11 CCR §7026(f), §7027(g)) only belongs in a workflow serving " +
                    $"{string.Join(", ", NotifyingRights)}.");
        }
        if (d.Steps.All(s => s.Type != StepTypes.Close))
            yield return ("/steps", "Has no 'close' step; every workflow ends with one.");
    }
}
