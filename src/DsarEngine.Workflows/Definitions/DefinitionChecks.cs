namespace DsarEngine.Workflows.Definitions;

// What the schema cannot say: step ids unique, one close and last, parameters only on their step types,
// connector actions that fit the rights served.
internal static class DefinitionChecks
{
    private static readonly Dictionary<string, string[]> ParametersOf = new()
    {
        ["action"] = [StepTypes.FanOut], ["timeoutHours"] = [StepTypes.FanOut], ["required"] = [StepTypes.Review],
        ["methods"] = [StepTypes.VerifyIdentity], ["expiresHours"] = [StepTypes.VerifyIdentity], ["event"] = [StepTypes.PublishEvent],
    };

    // An action that changes data only makes sense for the right that asks for it.
    private static readonly Dictionary<string, string> ActionNeedsRight = new()
    {
        ["erase"] = "erasure", ["rectify"] = "rectification", ["restrict"] = "restriction", ["lift-restriction"] = "restriction",
    };

    public static IEnumerable<(string Path, string Message)> Check(DefinitionDocument d)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < d.Steps.Length; i++)
        {
            var step = d.Steps[i];
            if (!seen.Add(step.Id))
                yield return ($"/steps/{i}/id", $"Step id '{step.Id}' is used twice.");
            foreach (var (name, value) in Parameters(step))
                if (value is not null && !ParametersOf[name].Contains(step.Type))
                    yield return ($"/steps/{i}/{name}", $"'{name}' applies to {string.Join(", ", ParametersOf[name])} steps, not {step.Type}.");
            if (step.Action is { } action && ActionNeedsRight.TryGetValue(action, out var right) && !d.Rights.Contains(right))
                yield return ($"/steps/{i}/action", $"'{action}' only belongs in a workflow serving {right}.");
            if (step.Type == StepTypes.Close && i != d.Steps.Length - 1)
                yield return ($"/steps/{i}", "'close' must be the last step.");
        }
        var closes = d.Steps.Count(s => s.Type == StepTypes.Close);
        if (closes != 1)
            yield return ("/steps", closes == 0 ? "The last step must be 'close'." : "Only one 'close' step is allowed.");
    }

    private static IEnumerable<(string, object?)> Parameters(StepDocument s) =>
        [("action", s.Action), ("timeoutHours", s.TimeoutHours), ("required", s.Required), ("methods", s.Methods), ("expiresHours", s.ExpiresHours), ("event", s.Event)];
}
