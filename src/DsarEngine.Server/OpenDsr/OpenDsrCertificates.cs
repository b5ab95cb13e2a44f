using System.Collections.Concurrent;
using System.Text.Json;
using DsarEngine.Server.Connectors.Egress;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.OpenDsr;

// A processor's signing certificate, found through its /discovery (OpenDSR § 8.8) and cached per registered endpoint
// (the endpoint the admin registered is the allow-list of § 8.8 step 3). A signature that fails against the cached
// certificate is tried once more against a fresh one, so a processor can rotate its key; at most once a minute per
// endpoint, so forged calls cannot make the engine hammer the processor's discovery. A fetch that failed is not tried
// again for FailedBackoff, concurrent callers share one fetch, and both documents are read to at most MaxDocumentBytes
// within the connector timeout: a flood of forged, unauthenticated callbacks costs at most one bounded fetch a minute.
internal sealed class OpenDsrCertificates(
    IHttpClientFactory clients, TimeProvider clock, IOptions<Connectors.Http.HttpConnectorOptions> http)
{
    public const int MaxDocumentBytes = 64 * 1024;
    private static readonly TimeSpan RefreshAtMost = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan FailedBackoff = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<Uri, (string? Pem, DateTimeOffset At)> cache = new();
    private readonly ConcurrentDictionary<Uri, Lazy<Task<string?>>> fetching = new();

    public async Task<bool> VerifyAsync(Uri endpoint, byte[] body, string? signature, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var found = cache.TryGetValue(endpoint, out var cached);
        if (cached.Pem is not null && OpenDsrSigner.Verify(cached.Pem, body, signature, now))
            return true;
        if (found && now - cached.At < (cached.Pem is null ? FailedBackoff : RefreshAtMost))
            return false;
        var pem = await fetching.GetOrAdd(endpoint, e => new Lazy<Task<string?>>(() => RefreshAsync(e))).Value.WaitAsync(ct);
        return pem is not null && OpenDsrSigner.Verify(pem, body, signature, clock.GetUtcNow());
    }

    // Not cancelled by one caller's token: the callers waiting on it share the result. A failure keeps the last good
    // certificate (a processor's discovery being down does not stop its earlier signatures from verifying).
    private async Task<string?> RefreshAsync(Uri endpoint)
    {
        try
        {
            var pem = await FetchAsync(endpoint);
            cache.AddOrUpdate(endpoint, _ => (pem, clock.GetUtcNow()), (_, old) => (pem ?? old.Pem, clock.GetUtcNow()));
            return pem;
        }
        finally
        {
            fetching.TryRemove(endpoint, out _);
        }
    }

    private async Task<string?> FetchAsync(Uri endpoint)
    {
        var client = clients.CreateClient(OpenDsrCallbackWorker.ClientName);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(http.Value.TimeoutSeconds), clock);
        try
        {
            using var discovery = new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint, "discovery"));
            var document = await BoundedAnswer.SendAsync(client, discovery, MaxDocumentBytes, timeout.Token);
            if (!IsOk(document))
                return null;
            var url = JsonDocument.Parse(document.Body!).RootElement.GetProperty("processor_certificate").GetString();
            // § 6.3: the certificate's URL must be on the processor's own domain.
            if (url is null || !Uri.TryCreate(endpoint, url, out var at) || at.Host != endpoint.Host)
                return null;
            using var certificate = new HttpRequestMessage(HttpMethod.Get, at);
            var pem = await BoundedAnswer.SendAsync(client, certificate, MaxDocumentBytes, timeout.Token);
            return IsOk(pem) ? System.Text.Encoding.UTF8.GetString(pem.Body!) : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException or JsonException
            or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private static bool IsOk(BoundedAnswer answer) => (int)answer.Status is >= 200 and < 300 && answer.Body is not null;
}
