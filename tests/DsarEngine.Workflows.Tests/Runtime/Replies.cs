using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Workflows.Tests.Runtime;

// Connector replies as the reply consumer turns them into signals.
internal static class Replies
{
    public static Signal.TaskCompleted Done(Guid task) => new(task, "done", "erased", [], [], null);

    public static Signal.TaskCompleted NotFound(Guid task) => new(task, "not-found", "nothing held", [], [], null);

    public static Signal.TaskCompleted Partial(Guid task) =>
        new(task, "partial", "profile erased, invoices kept",
            [new RetainedItem("invoices", "Code de commerce L123-22", new DateOnly(2035, 1, 1))], [], null);

    public static Signal.TaskFailed Transient(Guid task) => new(task, true, "unavailable", "database down");
}
