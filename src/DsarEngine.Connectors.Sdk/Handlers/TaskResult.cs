using DsarEngine.Connectors.Contracts;

namespace DsarEngine.Connectors;

/// <summary>What a handler did. The SDK turns it into <see cref="ConnectorTaskCompleted"/>.</summary>
/// <param name="Outcome">One of <see cref="TaskOutcomes"/>.</param>
/// <param name="Summary">What was done, without personal data.</param>
/// <param name="Retained">What was kept and why (partial outcomes).</param>
/// <param name="Recipients">Recipients the data was disclosed to (GDPR Art. 19).</param>
public sealed record TaskResult(string Outcome, string Summary, IReadOnlyList<RetainedData> Retained, IReadOnlyList<string> Recipients)
{
    /// <summary>Done completely.</summary>
    public static TaskResult Done(string summary, params IReadOnlyList<string> recipients) =>
        new(TaskOutcomes.Done, summary, [], recipients);

    /// <summary>Done in part: <paramref name="retained"/> says what was kept and the legal basis for keeping it.</summary>
    public static TaskResult Partial(string summary, IReadOnlyList<RetainedData> retained, params IReadOnlyList<string> recipients) =>
        new(TaskOutcomes.Partial, summary, retained, recipients);

    /// <summary>The system holds nothing about the subject.</summary>
    public static TaskResult NotFound(string summary = "No data about the subject.") => new(TaskOutcomes.NotFound, summary, [], []);
}

/// <summary>
/// Thrown by a handler to fail the task with a code the engine shows to a person. Any other exception fails the
/// task too: <see cref="TimeoutException"/>, <see cref="HttpRequestException"/> and exceptions whose
/// <c>IsTransient</c> is true are retryable, the rest are not; the exception's message is never sent (it may hold
/// personal data).
/// </summary>
/// <param name="code">A short stable code, e.g. <c>unavailable</c>.</param>
/// <param name="reason">For the person who will look; no personal data.</param>
/// <param name="retryable">Whether the engine should try again later.</param>
public sealed class ConnectorFailureException(string code, string reason, bool retryable) : Exception(reason)
{
    /// <summary>The failure code.</summary>
    public string Code { get; } = code;

    /// <summary>Whether the engine should try again later.</summary>
    public bool Retryable { get; } = retryable;
}

/// <summary>Given to every handler call: the task, its idempotency key, and a way to report progress.</summary>
public abstract class TaskContext
{
    /// <summary>The task being worked on.</summary>
    public abstract TaskReference Task { get; }

    /// <summary>Report progress (e.g. <c>exporting</c>, 40 %). Optional; not final.</summary>
    public abstract Task ReportProgressAsync(string stage, int? percent, CancellationToken ct);
}

/// <summary>
/// Remembers the final reply of every task a connector finished, so a command delivered twice is answered again
/// without doing the work again. The SDK's default keeps them in memory; a connector that must survive restarts
/// without redoing work registers one backed by its own database (write it in the same transaction as the work).
/// Exports are not remembered: an export (a read) is done again, with new chunks, on every delivery.
/// </summary>
public interface IProcessedTasks
{
    /// <summary>The reply already sent for this idempotency key and action, or null.</summary>
    Task<ProcessedTask?> FindAsync(string idempotencyKey, string action, CancellationToken ct);

    /// <summary>Record the reply for this key and action (the same key arriving again gets this reply).</summary>
    Task SaveAsync(string idempotencyKey, string action, ProcessedTask reply, CancellationToken ct);
}

/// <summary>A remembered final reply: exactly one of the two is set.</summary>
/// <param name="Completed">The completed reply.</param>
/// <param name="Failed">The non-retryable failure.</param>
public sealed record ProcessedTask(ConnectorTaskCompleted? Completed, ConnectorTaskFailed? Failed);
