using Npgsql;

namespace DsarEngine.Server.Workflow;

// LISTEN on a PostgreSQL channel so a worker wakes as soon as a transaction that made work for it commits;
// polling remains the fallback (a lost connection or notification only costs one poll interval).
internal sealed class PgWakeup(NpgsqlDataSource dataSource, string channel, ILogger log) : IAsyncDisposable
{
    private NpgsqlConnection? connection;

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(timeout);
        try
        {
            if (connection is null)
            {
                connection = await dataSource.OpenConnectionAsync(ct);
                await using var listen = new NpgsqlCommand($"LISTEN {channel}", connection);
                await listen.ExecuteNonQueryAsync(ct);
                return; // work may have been committed before we listened: look once more
            }
            await connection.WaitAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // timeout: poll
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            log.LogWarning("Lost the LISTEN connection for {Channel}; polling until it is back", channel);
            await DisposeAsync();
            await Task.Delay(timeout, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
            await connection.DisposeAsync();
        connection = null;
    }
}
