using System.Collections.Concurrent;
using System.Text.Json;

namespace DsarEngine.Server.OpenDsr;

// A processor's signing certificate, found through its /discovery (OpenDSR § 8.8) and cached per registered endpoint
// (the endpoint the admin registered is the allow-list of § 8.8 step 3). A signature that fails against the cached
// certificate is tried once more against a fresh one, so a processor can rotate its key; at most once a minute per
// endpoint, so forged calls cannot make the engine hammer the processor's discovery.
internal sealed class OpenDsrCertificates(IHttpClientFactory clients, TimeProvider clock)
{
    private static readonly TimeSpan RefreshAtMost = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<Uri, (string Pem, DateTimeOffset FetchedAt)> cache = new();

    public async Task<bool> VerifyAsync(Uri endpoint, byte[] body, string? signature, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(endpoint, out var cached) && OpenDsrSigner.Verify(cached.Pem, body, signature, now))
            return true;
        if (cached.Pem is not null && now - cached.FetchedAt < RefreshAtMost)
            return false;
        var pem = await FetchAsync(endpoint, ct);
        if (pem is null)
            return false;
        cache[endpoint] = (pem, now);
        return OpenDsrSigner.Verify(pem, body, signature, now);
    }

    private async Task<string?> FetchAsync(Uri endpoint, CancellationToken ct)
    {
        var client = clients.CreateClient(OpenDsrCallbackWorker.ClientName);
        try
        {
            using var discovery = await client.GetAsync(new Uri(endpoint, "discovery"), ct);
            if (!discovery.IsSuccessStatusCode)
                return null;
            var url = JsonDocument.Parse(await discovery.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("processor_certificate").GetString();
            // § 6.3: the certificate's URL must be on the processor's own domain.
            return url is not null && Uri.TryCreate(endpoint, url, out var at) && at.Host == endpoint.Host ? await client.GetStringAsync(at, ct) : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
