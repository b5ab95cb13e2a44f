using System.Net;
using System.Net.Sockets;
using DsarEngine.Tests.Shared;

namespace DsarEngine.Server.Tests.TestData;

// A switch between an engine and the real RabbitMQ: a loopback TCP relay that can cut every connection and refuse new
// ones (the broker "goes down" for that engine alone, not for the other tests sharing it), then let them through again.
internal sealed class BrokerGate : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Uri broker = new(TestDatabase.AmqpUrl);
    private readonly CancellationTokenSource stop = new();
    private readonly List<TcpClient> connections = [];
    private volatile bool closed;

    // The broker's AMQP URL (credentials, virtual host) through the gate.
    public Uri Url { get; }

    private BrokerGate()
    {
        listener.Start();
        Url = new UriBuilder(broker) { Host = "127.0.0.1", Port = ((IPEndPoint)listener.LocalEndpoint).Port }.Uri;
        _ = AcceptAsync();
    }

    public static BrokerGate Open() => new();

    public void Close()
    {
        closed = true;
        lock (connections)
        {
            foreach (var connection in connections)
                connection.Dispose();
            connections.Clear();
        }
    }

    public void Reopen() => closed = false;

    // One failed accept or upstream connect must not end the loop: the gate would then stay shut for good.
    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stop.Token); }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException) { return; }
            catch (SocketException) { continue; }
            if (closed)
            {
                client.Dispose();
                continue;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var upstream = new TcpClient();
        try { await upstream.ConnectAsync(broker.Host, broker.Port, stop.Token); }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            client.Dispose();
            upstream.Dispose();
            return;
        }
        lock (connections)
        {
            if (closed)
            {
                client.Dispose();
                upstream.Dispose();
                return;
            }
            connections.AddRange([client, upstream]);
        }
        await Task.WhenAll(PumpAsync(client, upstream), PumpAsync(upstream, client));
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try { await from.GetStream().CopyToAsync(to.GetStream()); }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException or InvalidOperationException) { }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        stop.Cancel();
        listener.Stop();
        Close();
        stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
