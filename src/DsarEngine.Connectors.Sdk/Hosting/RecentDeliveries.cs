using System.Collections.Concurrent;

namespace DsarEngine.Connectors.Hosting;

// The replies to the last commands this process answered, by broker message id. The engine's outbox delivers at least
// once: when the engine could not record a send (its database went away just after), it sends the same message again,
// under the same id. That is the same command, not a new attempt (a retry has a new id and a higher attempt), so it is
// answered with the same reply instead of being done again, exports included. Bounded: the oldest are forgotten first,
// and a restart forgets them all (changes are still remembered by idempotency key, in IProcessedTasks).
internal sealed class RecentDeliveries
{
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<Guid, ProcessedTask> replies = new();
    private readonly ConcurrentQueue<Guid> order = new();

    public bool TryGet(Guid? messageId, out ProcessedTask reply)
    {
        reply = null!;
        return messageId is { } id && replies.TryGetValue(id, out reply!);
    }

    public void Remember(Guid? messageId, ProcessedTask reply)
    {
        if (messageId is not { } id || !replies.TryAdd(id, reply))
            return;
        order.Enqueue(id);
        while (order.Count > Capacity && order.TryDequeue(out var oldest))
            replies.TryRemove(oldest, out _);
    }
}
