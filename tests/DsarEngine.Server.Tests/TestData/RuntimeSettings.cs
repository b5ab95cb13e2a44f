using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;

namespace DsarEngine.Server.Tests.TestData;

// Configuration an operator changes while the engine runs. Tenants are created per test, after the engine started,
// so their secrets are provisioned here (the engine reads Dsar:Connectors:Secrets at every use).
internal sealed class RuntimeSettings : ConfigurationProvider, IConfigurationSource
{
    public RuntimeSettings() => Data = new ConcurrentDictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    public void Put(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        foreach (var (key, value) in settings)
        {
            if (value is null)
                Data.Remove(key);
            else
                Data[key] = value;
        }
        OnReload();
    }

    // The operator provisions a secret for one organisation and binds it to the endpoints it may be sent to.
    public void ProvisionSecret(string tenant, string name, string value, params Uri[] endpoints) =>
        Put(new Dictionary<string, string?> { [$"Dsar:Connectors:Secrets:{tenant}:{name}:Value"] = value }
            .Concat(endpoints.Select((e, i) =>
                new KeyValuePair<string, string?>($"Dsar:Connectors:Secrets:{tenant}:{name}:Endpoints:{i}", e.ToString()))));

    public void WithdrawSecret(string tenant, string name) =>
        Put(Data.Keys.Where(k => k.StartsWith($"Dsar:Connectors:Secrets:{tenant}:{name}:", StringComparison.OrdinalIgnoreCase))
            .Select(k => new KeyValuePair<string, string?>(k, null)).ToList());
}
