using DsarEngine.Connectors.Contracts;

namespace DsarEngine.Connectors.Hosting;

// The actions whose handlers return a TaskResult: check it, then quote the task back in the completed reply.
internal static class ResultWork
{
    public static TaskWork For(TaskReference task, Func<TaskContext, CancellationToken, Task<TaskResult>> handler) =>
        async (context, ct) => Completed(task, await handler(context, ct));

    public static ConnectorTaskCompleted Completed(TaskReference task, TaskResult? result)
    {
        // A handler bug, reported with words a person can act on rather than as an unexpected error.
        if (result is null || !TaskOutcomes.All.Contains(result.Outcome))
            throw new ConnectorFailureException("invalid-result",
                $"The handler returned {(result is null ? "no result" : $"the outcome '{result.Outcome}'")}; " +
                $"expected one of {string.Join(", ", TaskOutcomes.All)}.", false);
        return new ConnectorTaskCompleted(
            task, result.Outcome, result.Summary, result.Retained ?? [], result.Recipients ?? [], null);
    }
}
