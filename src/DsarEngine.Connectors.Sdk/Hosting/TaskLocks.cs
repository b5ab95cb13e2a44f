namespace DsarEngine.Connectors.Hosting;

// Two deliveries of one task can arrive together (a redelivery racing the original, ConcurrentTasks > 1): the
// second must wait for the first to be recorded, or both would call the handler. Striped locks need no clean-up;
// two unrelated keys sharing a stripe only wait for each other.
internal sealed class TaskLocks
{
    private readonly SemaphoreSlim[] stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> AcquireAsync(string idempotencyKey, CancellationToken ct)
    {
        var stripe = stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(idempotencyKey) % (uint)stripes.Length)];
        await stripe.WaitAsync(ct);
        return new Release(stripe);
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        public void Dispose() => stripe.Release();
    }
}
