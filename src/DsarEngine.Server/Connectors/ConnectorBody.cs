using System.Text.Json;
using System.Text.RegularExpressions;
using DsarEngine.Server.Connectors.Egress;
using DsarEngine.Server.Connectors.Http;
using DsarEngine.Server.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using DsarEngine.Workflows.Runtime;
using DsarEngine.Connectors.Contracts;

namespace DsarEngine.Server.Connectors;

internal sealed record RetentionRule(string? Category, string? LegalBasis, string? Period);

internal sealed record HttpEndpoint(string? Endpoint, string? SecretRef, string? ResultMode);

// A bus connector's credential: the RabbitMQ user the operator issued to its service (docs/bus-security.md). The engine
// accepts its replies only when RabbitMQ vouches for that user (the validated AMQP user_id).
internal sealed record BusBinding(string? User);

internal sealed record ConnectorBody(string[]? Actions, int? TimeoutHours, bool? Enabled, string? Kind, string? DisplayName,
    string[]? Systems, string[]? DataCategories, RetentionRule[]? Retention, bool? NeedsReview, HttpEndpoint? Http, BusBinding? Bus = null)
{
    // The body that would register this connector as it is: the start of an edit on the settings screen.
    public static ConnectorBody From(ConnectorView v) => new(v.Actions, v.TimeoutHours, v.Enabled, v.Kind, v.DisplayName, v.Systems,
        v.DataCategories, v.Retention, v.NeedsReview, v.Http, v.Bus);
}

// Every field is checked at once and each refusal names its field; the registry is changed only when all pass.
internal static partial class ConnectorBodyValidation
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string[] ResultModes = ["sync", "callback", "poll"];

    public static (StoredConnector?, Dictionary<string, string[]>) ToStored(this ConnectorBody body, string name)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Slug().IsMatch(name))
            errors["name"] = ["2 to 63 lowercase letters, digits and dashes, starting with a letter or digit."];
        var actions = body.Actions ?? [];
        // The whole-customer actions (a processor's end of contract, docs/processor-role.md) are registered beside the rest.
        string[] known = [.. ConnectorActions.All, .. CustomerActions.All];
        if (actions.Length == 0 || actions.Any(a => !known.Contains(a)) || actions.Distinct().Count() != actions.Length)
            errors["actions"] = [$"One or more distinct actions of: {string.Join(", ", known)}."];
        if (body.TimeoutHours is < 1 or > 8760)
            errors["timeoutHours"] = ["Between 1 and 8760 hours."];
        var kind = body.Kind ?? ConnectorKinds.Bus;
        if (!ConnectorKinds.All.Contains(kind))
            errors["kind"] = [$"One of: {string.Join(", ", ConnectorKinds.All)}."];
        if (body.DisplayName is { Length: > 120 })
            errors["displayName"] = ["At most 120 characters."];
        CheckList(errors, "systems", body.Systems);
        CheckList(errors, "dataCategories", body.DataCategories);
        var retention = body.Retention ?? [];
        if (retention.Length > 50 || retention.Any(r => string.IsNullOrWhiteSpace(r.Category) || string.IsNullOrWhiteSpace(r.LegalBasis)
            || r.LegalBasis.Length > 500 || (r.Period is not null && !IsoPeriod().IsMatch(r.Period))))
            errors["retention"] = ["At most 50 rules, each with a category, a legal basis (≤ 500 characters) " +
                "and optionally an ISO 8601 period such as P10Y."];
        var needsEndpoint = kind is ConnectorKinds.Http or ConnectorKinds.OpenDsr;
        if (needsEndpoint && (body.Http?.Endpoint is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("https" or "http") || uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0))
            errors["http.endpoint"] =
                ["Required for http and opendsr connectors: an absolute http(s) URL without user name, query or fragment."];
        if (needsEndpoint && (body.Http?.SecretRef is not { } secret || !Slug().IsMatch(secret)))
            errors["http.secretRef"] =
                ["Required: the name of a secret the operator provisioned for this organisation, never the secret itself."];
        if (needsEndpoint && body.Http?.ResultMode is { } mode && !ResultModes.Contains(mode))
            errors["http.resultMode"] = [$"One of: {string.Join(", ", ResultModes)}."];
        if (!needsEndpoint && body.Http is not null)
            errors["http"] = ["Only for http and opendsr connectors."];
        if (kind == ConnectorKinds.Bus && (body.Bus?.User is not { } user || !BrokerUser().IsMatch(user)))
            errors["bus.user"] = ["Required for bus connectors: the RabbitMQ user the operator issued to this connector's service " +
                "(1 to 128 letters, digits, '.', '_', '@' or '-'); its replies are accepted from that user only."];
        if (kind != ConnectorKinds.Bus && body.Bus is not null)
            errors["bus"] = ["Only for bus connectors."];
        if (errors.Count > 0)
            return (null, errors);
        var http = needsEndpoint ? JsonSerializer.Serialize(body.Http! with { ResultMode = body.Http!.ResultMode ?? "sync" }, Json) : null;
        return (new StoredConnector(name, actions, body.TimeoutHours ?? 168, body.Enabled ?? true, kind, body.DisplayName?.Trim() ?? name,
            body.Systems ?? [], body.DataCategories ?? [], JsonSerializer.Serialize(retention, Json), body.NeedsReview ?? false, http,
            default, null, kind == ConnectorKinds.Bus ? body.Bus!.User : null), errors);
    }

    // After the format: may the engine call this endpoint, with this secret, for this organisation? A 422 that changes
    // nothing. The secret's refusal is one sentence whatever the cause (no such secret, another organisation's, bound
    // elsewhere, malformed), so that an admin cannot probe the operator's configuration through it.
    public static ProblemHttpResult? Refusal(this ConnectorBody body, string tenant, EgressPolicy egress, ConnectorSecrets secrets)
    {
        if (body.Http is not { Endpoint: { } endpoint, SecretRef: { } secretRef })
            return null;
        var url = HttpConnectorSettings.Normalise(endpoint);
        if (egress.Refusal(url) is { } refusal)
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, "egress-refused",
                "The engine does not call this endpoint; nothing was changed.", refusal,
                new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["http.endpoint"] = [refusal] } });
        if (secrets.Find(tenant, secretRef) is { } secret && secret.Covers(url))
            return null;
        var message = $"secretRef '{secretRef}' is not a secret the operator provisioned for this organisation and endpoint.";
        return Problems.Of(StatusCodes.Status422UnprocessableEntity, "secret-not-provisioned",
            "The connector cannot use this secret; nothing was changed.", message,
            new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["http.secretRef"] = [message] } });
    }

    private static void CheckList(Dictionary<string, string[]> errors, string field, string[]? values)
    {
        if (values is not null && (values.Length > 50 || values.Any(v => string.IsNullOrWhiteSpace(v) || v.Length > 80)))
            errors[field] = ["At most 50 entries of 1 to 80 characters."];
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$")]
    private static partial Regex Slug();

    [GeneratedRegex("^[A-Za-z0-9._@-]{1,128}$")]
    private static partial Regex BrokerUser();

    [GeneratedRegex(@"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$")]
    private static partial Regex IsoPeriod();
}

internal sealed record ConnectorView(string Name, string DisplayName, string Kind, string[] Actions, int TimeoutHours, bool Enabled,
    string[] Systems, string[] DataCategories, RetentionRule[] Retention, bool NeedsReview, HttpEndpoint? Http, string? Queue,
    DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt, BusBinding? Bus)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // The queue is the tenant's own (dsar.<tenant>.connector.<name>): the connector's service listens there.
    public static ConnectorView From(StoredConnector c, string tenant) => new(c.Name, c.DisplayName, c.Kind, c.Actions, c.TimeoutHours,
        c.Enabled, c.Systems, c.DataCategories, JsonSerializer.Deserialize<RetentionRule[]>(c.Retention, Json) ?? [], c.NeedsReview,
        c.Http is null ? null : JsonSerializer.Deserialize<HttpEndpoint>(c.Http, Json),
        c.Kind == ConnectorKinds.Bus ? global::DsarEngine.Connectors.DsarConnectorSetup.QueueName(tenant, c.Name) : null,
        c.CreatedAt, c.UpdatedAt, c.Kind == ConnectorKinds.Bus ? new BusBinding(c.BusUser) : null);
}
