using System.Net;
using System.Net.Sockets;

namespace DsarEngine.Server.Tests.Faults;

// A loopback TCP relay a fault test owns, between the engine and one real service (PostgreSQL, RabbitMQ, an SMTP server).
// CutAsync resets every open connection (RST, as a server that died) and refuses new ones; RestoreAsync accepts again.
// From the engine's side that is what a restart of the service looks like, without restarting the service that other
// builders and tests share (docs/testing.md#faults says what it does not cover).
internal sealed class PartProxy : IAsyncDisposable
{
    private TcpListener listener;
    private readonly string upstreamHost;
    private readonly int upstreamPort;
    private readonly CancellationTokenSource stop = new();
    private readonly List<Socket> open = [];
    private Task accepting;
    private volatile bool cut;

    public PartProxy(string upstreamHost, int upstreamPort)
    {
        (this.upstreamHost, this.upstreamPort) = (upstreamHost, upstreamPort);
        listener = Listen(0);
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptAsync(listener);
    }

    public int Port { get; }

    private static TcpListener Listen(int port)
    {
        var next = new TcpListener(IPAddress.Loopback, port);
        // The same port again after a cut, while the reset connections' sockets may still be in TIME_WAIT.
        next.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        next.Start();
        return next;
    }

    // Connections the relay accepted while open, over its life: a test shows the engine reconnected after a cut.
    public int Accepted { get; private set; }

    public async Task CutAsync()
    {
        cut = true;
        // Nothing listens on the port any more: a new connection is refused (ECONNREFUSED), as by a stopped server.
        listener.Stop();
        await accepting;
        lock (open)
        {
            foreach (var socket in open)
                Reset(socket);
            open.Clear();
        }
    }

    public Task RestoreAsync()
    {
        if (!cut)
            return Task.CompletedTask;
        listener = Listen(Port);
        cut = false;
        accepting = AcceptAsync(listener);
        return Task.CompletedTask;
    }

    // Linger 0 then close: the peer gets a TCP reset, not an orderly FIN.
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Gone already.
        }
    }

    private async Task AcceptAsync(TcpListener from)
    {
        while (!stop.IsCancellationRequested)
        {
            Socket client;
            try { client = await from.AcceptSocketAsync(stop.Token); }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException) { return; }
            catch (SocketException) when (cut || stop.IsCancellationRequested) { return; }
            catch (SocketException) { continue; }
            if (cut)
            {
                Reset(client);
                return;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        try { await upstream.ConnectAsync(upstreamHost, upstreamPort, stop.Token); }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            Reset(client);
            upstream.Dispose();
            return;
        }
        lock (open)
        {
            if (cut)
            {
                Reset(client);
                Reset(upstream);
                return;
            }
            open.AddRange([client, upstream]);
            Accepted++;
        }
        await Task.WhenAll(PumpAsync(client, upstream), PumpAsync(upstream, client));
        lock (open)
        {
            open.Remove(client);
            open.Remove(upstream);
        }
        Reset(client);
        Reset(upstream);
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None, stop.Token)) > 0)
            {
                var sent = 0;
                while (sent < read)
                    sent += await to.SendAsync(buffer.AsMemory(sent, read - sent), SocketFlags.None, stop.Token);
            }
            // An orderly end on one side is passed on as one.
            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            Reset(from);
            Reset(to);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await CutAsync();
        stop.Dispose();
    }
}
