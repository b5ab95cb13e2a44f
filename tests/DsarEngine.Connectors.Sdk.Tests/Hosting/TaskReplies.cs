namespace DsarEngine.Connectors.Sdk.Tests.Hosting;

// Every message the connector published for one task, in arrival order, and a way to await a condition on them
// (a TaskCompletionSource per wait, never a sleep).
internal sealed class TaskReplies
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly List<object> messages = [];
    private readonly List<(Func<IReadOnlyList<object>, bool> Until, TaskCompletionSource<IReadOnlyList<object>> Done)> waiters = [];

    // The validated broker user (AMQP user_id) of each message, in arrival order.
    public System.Collections.Concurrent.ConcurrentQueue<string?> Senders { get; } = new();

    public int Count
    {
        get { lock (messages) return messages.Count; }
    }

    public void Add(object message)
    {
        lock (messages)
        {
            messages.Add(message);
            foreach (var waiter in waiters.Where(w => w.Until(messages)).ToList())
            {
                waiters.Remove(waiter);
                waiter.Done.TrySetResult(messages.ToList());
            }
        }
    }

    public async Task<IReadOnlyList<object>> WaitUntilAsync(Func<IReadOnlyList<object>, bool> until)
    {
        var done = new TaskCompletionSource<IReadOnlyList<object>>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (messages)
        {
            if (until(messages))
                return messages.ToList();
            waiters.Add((until, done));
        }
        try
        {
            return await done.Task.WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            lock (messages)
                throw new TimeoutException(
                    $"Waited {Timeout.TotalSeconds} s; received only: {string.Join(", ", messages.Select(m => m.GetType().Name))}.");
        }
    }

    // The final replies: completed or failed.
    public Task<IReadOnlyList<object>> WaitForFinalRepliesAsync(int count) =>
        WaitUntilAsync(all => all.Count(IsFinal) >= count);

    public static bool IsFinal(object message) => message is Contracts.ConnectorTaskCompleted or Contracts.ConnectorTaskFailed;
}
