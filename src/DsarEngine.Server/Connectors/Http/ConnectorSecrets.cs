using System.Text;
using System.Text.RegularExpressions;

namespace DsarEngine.Server.Connectors.Http;

// A secret the operator provisioned for one organisation, and the endpoints it may be sent to.
internal sealed partial record ProvisionedSecret(byte[] Value, IReadOnlyList<Uri> Endpoints)
{
    // Same scheme, host and port as a bound endpoint, and a path under the bound path (segment-wise: /api/ does not
    // cover /apix/). Encoded dots and slashes are never covered: a server could decode them into a path outside.
    public bool Covers(Uri url) => url.IsAbsoluteUri && !Encoded().IsMatch(url.AbsolutePath) && Endpoints.Any(bound =>
        bound.Scheme == url.Scheme && string.Equals(bound.IdnHost, url.IdnHost, StringComparison.OrdinalIgnoreCase)
        && bound.Port == url.Port
        && WithSlash(url.AbsolutePath).StartsWith(WithSlash(bound.AbsolutePath), StringComparison.Ordinal));

    private static string WithSlash(string path) => path.EndsWith('/') ? path : path + "/";

    [GeneratedRegex("%(2e|2f|5c)", RegexOptions.IgnoreCase)]
    private static partial Regex Encoded();
}

// Dsar:Connectors:Secrets:<tenant>:<name>:Value and …:Endpoints:0, :1, … — read from configuration at every use, so a
// secret the operator withdraws or re-binds stops being sent at once. A tenant can only ever reach its own section.
internal sealed partial class ConnectorSecrets(IConfiguration configuration)
{
    public const string SectionName = "Dsar:Connectors:Secrets";
    private static readonly HashSet<string> Known = new(["Value", "Endpoints"], StringComparer.OrdinalIgnoreCase);

    // Null unless the secret exists for this tenant and is well-formed; the caller cannot tell which (no oracle).
    public ProvisionedSecret? Find(string tenant, string name) =>
        TenantSlug().IsMatch(tenant) && Slug().IsMatch(name) ? Read(configuration.GetSection($"{SectionName}:{tenant}:{name}"), []) : null;

    // Every problem of the whole section, each naming the setting to fix and never a secret's value.
    public List<string> Problems()
    {
        var problems = new List<string>();
        foreach (var tenant in configuration.GetSection(SectionName).GetChildren())
        {
            if (tenant.Value is not null)
            {
                problems.Add($"{tenant.Path} is a secret in the old flat form, which any organisation could name and have sent to "
                    + $"an endpoint of its choice. "
                    + $"Provision it for one organisation instead: {SectionName}:<tenant>:{tenant.Key}:Value, "
                    + $"with the endpoints it may be sent to in "
                    + $"{SectionName}:<tenant>:{tenant.Key}:Endpoints:0, :1, … (docs/http-connectors.md).");
                continue;
            }
            if (!TenantSlug().IsMatch(tenant.Key))
                problems.Add($"{tenant.Path}: '{tenant.Key}' is not an organisation slug (lowercase letters, digits and dashes).");
            foreach (var secret in tenant.GetChildren())
            {
                if (Known.Contains(secret.Key))
                    problems.Add($"{tenant.Path} looks like a secret without its organisation: " +
                        $"provision it as {SectionName}:<tenant>:{tenant.Key}:{secret.Key}.");
                else if (secret.Value is not null)
                    problems.Add($"{secret.Path} must be a section, not a value: move the secret to {secret.Path}:Value " +
                        $"and bind its endpoints in {secret.Path}:Endpoints:0, :1, ….");
                else if (!Slug().IsMatch(secret.Key))
                    problems.Add($"{secret.Path}: '{secret.Key}' is not a secret name (2 to 63 lowercase letters, digits and dashes).");
                else
                    Read(secret, problems);
            }
        }
        return problems;
    }

    private static ProvisionedSecret? Read(IConfigurationSection secret, List<string> problems)
    {
        var count = problems.Count;
        foreach (var unknown in secret.GetChildren().Where(c => !Known.Contains(c.Key)))
            problems.Add($"{unknown.Path} is not a setting: a secret has Value and Endpoints.");
        var value = secret["Value"];
        if (value is null || Encoding.UTF8.GetByteCount(value) < DsarEngine.Connectors.HttpTaskSignature.MinimumSecretBytes)
            problems.Add($"{secret.Path}:Value must be set to a secret of at least " +
                $"{DsarEngine.Connectors.HttpTaskSignature.MinimumSecretBytes} bytes.");
        var endpoints = new List<Uri>();
        if (secret["Endpoints"] is not null)
            problems.Add($"{secret.Path}:Endpoints must be a list: {secret.Path}:Endpoints:0 = https://api.example/, then :1, ….");
        foreach (var endpoint in secret.GetSection("Endpoints").GetChildren())
        {
            if (Uri.TryCreate(endpoint.Value, UriKind.Absolute, out var url) && url.Scheme is "https" or "http" && url.UserInfo.Length == 0
                && url.Query.Length == 0 && url.Fragment.Length == 0)
                endpoints.Add(url);
            else
                problems.Add($"{endpoint.Path} must be an absolute http(s) URL without user name, query or fragment, " +
                    $"such as https://api.example/.");
        }
        if (endpoints.Count == 0 && problems.Count == count)
            problems.Add($"{secret.Path}:Endpoints must list the URLs the secret may be sent to " +
                $"({secret.Path}:Endpoints:0 = https://api.example/).");
        return problems.Count == count ? new ProvisionedSecret(Encoding.UTF8.GetBytes(value!), endpoints) : null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$")]
    private static partial Regex Slug();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex TenantSlug();
}
