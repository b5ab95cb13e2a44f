using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Connectors.Http;

// The secrets are part of how the engine calls connectors, so they are checked with Dsar:Connectors:Http at start-up:
// a secret in the old global form, or one bound to no endpoint, stops the engine with the setting to fix.
internal sealed class ConnectorSecretsValidation(ConnectorSecrets secrets) : IValidateOptions<HttpConnectorOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpConnectorOptions options) =>
        secrets.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
