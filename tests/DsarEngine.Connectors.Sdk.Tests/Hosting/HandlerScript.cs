using DsarEngine.Connectors.Contracts;

namespace DsarEngine.Connectors.Sdk.Tests.Hosting;

// What the test connector's handlers do, set per test, and how often they were called.
internal sealed class HandlerScript
{
    private int calls;

    public Func<EraseSubjectData, TaskContext, int, Task<TaskResult>> Erase { get; init; } =
        (_, _, _) => Task.FromResult(TaskResult.Done("Profile erased."));

    public Func<ExportSubjectData, TaskContext, Task<ExportDocument?>> Export { get; init; } =
        (_, _) => Task.FromResult<ExportDocument?>(null);

    public int Calls => Volatile.Read(ref calls);

    // The call's number, from 1.
    public int Called() => Interlocked.Increment(ref calls);
}

// Supports erase and export only, so the other actions are unsupported. Scoped, as the SDK registers it.
internal sealed class TestHandlers(HandlerScript script) : IEraseHandler, IExportHandler
{
    public Task<TaskResult> EraseAsync(EraseSubjectData command, TaskContext context, CancellationToken ct) =>
        script.Erase(command, context, script.Called());

    public Task<ExportDocument?> ExportAsync(ExportSubjectData command, TaskContext context, CancellationToken ct)
    {
        script.Called();
        return script.Export(command, context);
    }
}
