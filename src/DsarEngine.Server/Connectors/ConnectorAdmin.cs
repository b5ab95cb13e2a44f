using System.Security.Claims;
using DsarEngine.Server.Connectors.Egress;
using DsarEngine.Server.Connectors.Http;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Settings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DsarEngine.Server.Connectors;

// What registering or changing a connector came to. Refusal is the 422 the API returns when the format is right but the
// engine may not call the endpoint or use the secret; its detail is what the screen shows.
internal sealed record ConnectorSave(SettingsResult Result, bool Created = false, StoredConnector? Connector = null,
    ProblemHttpResult? Refusal = null)
{
    public string Message => Refusal?.ProblemDetails.Detail ?? Result.Message;
}

// PUT /api/v1/staff/connectors/{name} and Settings → Connectors change the registry through here: same checks, same store.
internal sealed class ConnectorAdmin(ConnectorStore connectors, EgressPolicy egress, ConnectorSecrets secrets, TimeProvider clock)
{
    public async Task<ConnectorSave> SaveAsync(ClaimsPrincipal by, string name, ConnectorBody body, CancellationToken ct)
    {
        if (!SettingsRoles.MayChange(by))
            return new(SettingsResult.Refused);
        var (connector, errors) = body.ToStored(name);
        if (connector is null)
            return new(SettingsResult.Invalid(errors));
        if (body.Refusal(by.Slug(), egress, secrets) is { } refused)
            return new(SettingsResult.Invalid(refused.ProblemDetails.Extensions.TryGetValue("errors", out var e)
                && e is Dictionary<string, string[]> fields ? fields : new() { [""] = [refused.ProblemDetails.Detail ?? ""] }),
                Refusal: refused);
        var (created, stored) = await connectors.UpsertAsync(by.Tenant(), connector, clock.GetUtcNow(), ct);
        return new(SettingsResult.Done, created, stored);
    }

    // Disabling never calls the endpoint or needs the secret, so it is not re-checked against them: an admin can always
    // stop the fan-out reaching a system. Enabling goes through every check again.
    public async Task<ConnectorSave> SetEnabledAsync(ClaimsPrincipal by, string name, bool enabled, CancellationToken ct)
    {
        if (!SettingsRoles.MayChange(by))
            return new(SettingsResult.Refused);
        if (await connectors.FindAsync(by.Tenant(), name, ct) is not { } found)
            return new(SettingsResult.NotFound("connector"));
        if (enabled)
            return await SaveAsync(by, name, ConnectorBody.From(ConnectorView.From(found, by.Slug())) with { Enabled = true }, ct);
        var stored = await connectors.DisableAsync(by.Tenant(), name, clock.GetUtcNow(), ct);
        return new(SettingsResult.Done, false, stored);
    }
}
