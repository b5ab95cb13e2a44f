using System.Collections.Concurrent;
using System.Net;
using DsarEngine.Connectors;

namespace DsarEngine.Server.Tests.TestData;

// Stands between a connector and the engine's callback endpoint: keeps each signed callback (path, exact body,
// signature) instead of delivering it, so a test can deliver it when and as often as it likes.
internal sealed class CapturedCallbacks : HttpMessageHandler
{
    internal sealed record Callback(string Path, byte[] Body, string Signature)
    {
        public HttpRequestMessage Request() => new(HttpMethod.Post, Path)
        {
            Content = new ByteArrayContent(Body) { Headers = { ContentType = new("application/json") } },
            Headers = { { HttpTaskSignature.Header, Signature } },
        };
    }

    private readonly ConcurrentQueue<Callback> received = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        received.Enqueue(new Callback(request.RequestUri!.AbsolutePath, await request.Content!.ReadAsByteArrayAsync(cancellationToken),
            request.Headers.GetValues(HttpTaskSignature.Header).Single()));
        return new HttpResponseMessage(HttpStatusCode.Accepted);
    }

    public async Task<Callback> NextAsync()
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (received.TryDequeue(out var callback))
                return callback;
            await Task.Delay(50);
        }
        Assert.Fail("The connector sent no callback.");
        return null!;
    }
}
