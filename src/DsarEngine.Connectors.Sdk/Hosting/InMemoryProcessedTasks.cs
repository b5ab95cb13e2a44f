using System.Collections.Concurrent;

namespace DsarEngine.Connectors.Hosting;

// The default IProcessedTasks: enough for redeliveries while the process lives. It forgets on restart and grows
// with every task, so a connector whose work must not be redone after a restart registers its own (see README).
internal sealed class InMemoryProcessedTasks : IProcessedTasks
{
    private readonly ConcurrentDictionary<(string Key, string Action), ProcessedTask> replies = new();

    public Task<ProcessedTask?> FindAsync(string idempotencyKey, string action, CancellationToken ct) =>
        Task.FromResult(replies.TryGetValue((idempotencyKey, action), out var reply) ? reply : null);

    public Task SaveAsync(string idempotencyKey, string action, ProcessedTask reply, CancellationToken ct)
    {
        replies[(idempotencyKey, action)] = reply;
        return Task.CompletedTask;
    }
}
