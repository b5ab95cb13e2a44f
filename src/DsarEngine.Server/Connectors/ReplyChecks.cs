using DsarEngine.Connectors.Contracts;

namespace DsarEngine.Server.Connectors;

// What a connector reply must satisfy before it may change a task. The messages name the field, never its value.
internal static class ReplyChecks
{
    public static List<string> Problems(ConnectorTaskCompleted reply)
    {
        var problems = Common(reply.Task);
        if (!TaskOutcomes.All.Contains(reply.Outcome))
            problems.Add($"outcome must be one of {string.Join(", ", TaskOutcomes.All)}");
        if (string.IsNullOrWhiteSpace(reply.Summary) || reply.Summary.Length > 2000)
            problems.Add("summary must be 1 to 2000 characters");
        // GDPR Art. 17(3): keeping data is only lawful on a stated ground, so a partial answer must say what and why.
        if (reply.Outcome == TaskOutcomes.Partial && (reply.Retained is null || reply.Retained.Count == 0))
            problems.Add("a partial outcome must list the retained data and the legal basis for each");
        if (reply.Retained?.Any(r => string.IsNullOrWhiteSpace(r.Category) || string.IsNullOrWhiteSpace(r.LegalBasis)) == true)
            problems.Add("every retained entry needs a category and a legal basis");
        if (reply.Retained is null || reply.Recipients is null || reply.Retained.Count > 100 || reply.Recipients.Count > 100)
            problems.Add("retained and recipients must be lists of at most 100");
        if (reply.Export is { } e && (e.Chunks < 1 || e.Bytes < 0 || e.Sha256 is not { Length: 64 } || e.Categories is null))
            problems.Add("export manifest needs chunks ≥ 1, bytes ≥ 0, a 64-hex-digit sha256 and categories");
        return problems;
    }

    public static List<string> Problems(ConnectorTaskFailed reply)
    {
        var problems = Common(reply.Task);
        if (string.IsNullOrWhiteSpace(reply.Code) || reply.Code.Length > 60)
            problems.Add("code must be 1 to 60 characters");
        if (string.IsNullOrWhiteSpace(reply.Reason) || reply.Reason.Length > 2000)
            problems.Add("reason must be 1 to 2000 characters");
        return problems;
    }

    public static List<string> Problems(TaskReference? task) => Common(task);

    private static List<string> Common(TaskReference? task) =>
        task is null || task.RequestId == Guid.Empty || task.TaskId == Guid.Empty || string.IsNullOrEmpty(task.Connector)
            ? ["task must quote the command's requestId, taskId and connector"] : [];
}
