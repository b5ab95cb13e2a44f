using Npgsql;

namespace DsarEngine.Server.Inbox;

// Live updates for open inbox pages: the transactions that create a request or move one along NOTIFY the tenant's id on
// one channel (delivered at commit, so only changes that really happened arrive); this singleton LISTENs on it and tells
// the pages of that tenant, which re-query their current page. The payload is the tenant's id: no personal data.
// A lost connection is re-opened, and every page is told to re-query once, since it may have missed something.
internal sealed class InboxChanges(NpgsqlDataSource dataSource, ILogger<InboxChanges> log) : BackgroundService
{
    public const string Channel = "dsar_inbox";

    private readonly Lock gate = new();
    private readonly Dictionary<Guid, List<Action>> subscribers = [];

    // Sent in the writer's transaction (delivered at commit).
    public static Platform.SqlStatement Notify(Guid tenantId) => new(NotifySql, new { Tenant = tenantId.ToString() });

    private const string NotifySql = $"SELECT pg_notify('{Channel}', @Tenant)";

    // The handler runs on the listener's thread: it must return quickly (a page hands the work to its renderer).
    public IDisposable Subscribe(Guid tenantId, Action onChange)
    {
        lock (gate)
        {
            if (!subscribers.TryGetValue(tenantId, out var list))
                subscribers[tenantId] = list = [];
            list.Add(onChange);
        }
        return new Subscription(this, tenantId, onChange);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (Guid.TryParse(e.Payload, out var tenant))
                        Raise(tenant);
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                RaiseAll();
                while (true)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or InvalidOperationException)
            {
                log.LogWarning("Lost the inbox's LISTEN connection; open inbox pages refresh when it is back");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private void Raise(Guid tenantId)
    {
        Action[] handlers;
        lock (gate)
            handlers = subscribers.TryGetValue(tenantId, out var list) ? [.. list] : [];
        Invoke(handlers);
    }

    private void RaiseAll()
    {
        Action[] handlers;
        lock (gate)
            handlers = [.. subscribers.Values.SelectMany(l => l)];
        Invoke(handlers);
    }

    private void Invoke(Action[] handlers)
    {
        foreach (var handler in handlers)
        {
            try
            {
                handler();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // One broken page must not stop the others' updates.
                log.LogWarning(ex, "An inbox page failed to take a live update");
            }
        }
    }

    private void Unsubscribe(Guid tenantId, Action onChange)
    {
        lock (gate)
        {
            if (subscribers.TryGetValue(tenantId, out var list) && list.Remove(onChange) && list.Count == 0)
                subscribers.Remove(tenantId);
        }
    }

    private sealed class Subscription(InboxChanges owner, Guid tenantId, Action onChange) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
                owner.Unsubscribe(tenantId, onChange);
        }
    }
}
