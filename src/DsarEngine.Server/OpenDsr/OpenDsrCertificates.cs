using System.Collections.Concurrent;
using System.Text.Json;

namespace DsarEngine.Server.OpenDsr;

// A processor's signing certificate, found through its /discovery (OpenDSR § 8.8) and cached per endpoint.
internal sealed class OpenDsrCertificates(IHttpClientFactory clients)
{
    private readonly ConcurrentDictionary<Uri, string> cache = new();

    public async Task<string?> ForAsync(Uri endpoint, CancellationToken ct)
    {
        if (cache.TryGetValue(endpoint, out var pem))
            return pem;
        var client = clients.CreateClient(OpenDsrCallbackWorker.ClientName);
        using var discovery = await client.GetAsync(new Uri(endpoint, "discovery"), ct);
        if (!discovery.IsSuccessStatusCode)
            return null;
        var url = JsonDocument.Parse(await discovery.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("processor_certificate").GetString();
        if (url is null)
            return null;
        pem = await client.GetStringAsync(new Uri(endpoint, url), ct);
        return cache[endpoint] = pem;
    }
}
