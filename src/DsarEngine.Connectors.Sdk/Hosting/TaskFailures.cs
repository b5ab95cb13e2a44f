using System.Reflection;
using DsarEngine.Connectors.Contracts;

namespace DsarEngine.Connectors.Hosting;

// Turns what a handler threw into the failure reply. Only the exception's type name leaves the process: messages
// of driver and HTTP exceptions often quote the query or the subject's identifiers.
internal static class TaskFailures
{
    public const string Unsupported = "unsupported-action";
    public const string Transient = "transient";
    public const string Unexpected = "unexpected-error";

    public static ConnectorTaskFailed Map(TaskReference task, Exception exception) => exception switch
    {
        ConnectorFailureException failure => new(task, failure.Retryable, failure.Code, failure.Message),
        _ when Chain(exception).Any(IsTransient) => new(task, true, Transient,
            $"A transient failure ({exception.GetType().Name}); trying again later may work."),
        _ => new(task, false, Unexpected, $"The connector failed unexpectedly ({exception.GetType().Name})."),
    };

    public static ConnectorTaskFailed UnsupportedAction(TaskReference task, string action) =>
        new(task, false, Unsupported, $"This connector does not support the action '{action}'.");

    // A timeout often arrives wrapped (HttpClient's TaskCanceledException holds a TimeoutException), so look inside.
    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
            yield return current;
    }

    // DbException.IsTransient (NpgsqlException among others) and any driver exception with the same convention.
    private static bool IsTransient(Exception exception) =>
        exception is TimeoutException or HttpRequestException
        || exception.GetType().GetProperty("IsTransient", BindingFlags.Public | BindingFlags.Instance)
                is { PropertyType: var type } property
            && type == typeof(bool) && property.GetValue(exception) is true;
}
