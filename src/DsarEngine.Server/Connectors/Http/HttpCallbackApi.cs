using DsarEngine.Connectors;
using DsarEngine.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Connectors.Http;

// Callback mode: the connector POSTs its result here, signed with the connector's secret. No staff login: the
// signature is the authentication, and a bad one changes nothing.
internal static class HttpCallbackApi
{
    public static RouteHandlerBuilder MapHttpCallbackApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/connectors/http/{tenant}/{connector}/tasks/{taskId:guid}/result", Receive)
            .WithTags("Connectors: HTTP callbacks").Accepts<HttpTaskResult>("application/json")
            .WithSummary("An HTTP connector's result in callback mode (X-Dsar-Signature required)");

    private static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> Receive(string tenant, string connector, Guid taskId,
        HttpRequest http, HttpConnectorRegistry registry, EngineReplies replies, TimeProvider clock, IOptions<HttpConnectorOptions> options, CancellationToken ct)
    {
        var (settings, _) = await registry.FindAsync(tenant, connector, Workflows.Runtime.ConnectorKinds.Http, ct);
        using var buffer = new MemoryStream();
        await http.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > options.Value.MaxResultBytes)
            return Problems.Of(StatusCodes.Status413PayloadTooLarge, "body-too-large", "The result is too large; nothing was changed.");
        var body = buffer.ToArray();
        // Unknown connector and bad signature answer alike: the endpoint must not reveal which connectors exist.
        if (settings is null || !HttpTaskSignature.Verify(http.Headers[HttpTaskSignature.Header], settings.Secret, body, clock.GetUtcNow(), TimeSpan.FromMinutes(5)))
            return Problems.Of(StatusCodes.Status401Unauthorized, "bad-signature", "The signature is missing, wrong or too old; nothing was changed.",
                $"Sign with {HttpTaskSignature.Header}: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + \".\" + body)>, within 5 minutes.");
        HttpTaskResult? result;
        try { result = System.Text.Json.JsonSerializer.Deserialize<HttpTaskResult>(body, ExportUpload.Json); }
        catch (System.Text.Json.JsonException) { result = null; }
        var errors = new Dictionary<string, string[]>();
        if (result?.Task is not { } task)
            errors["task"] = ["Required: the task object of the request, quoted unchanged."];
        else if (task.TaskId != taskId || task.Tenant != tenant || task.Connector != connector)
            errors["task"] = ["Does not match the task of this URL."];
        if (result is not null && result.Failure is null && (result.Outcome is null || !DsarEngine.Connectors.Contracts.TaskOutcomes.All.Contains(result.Outcome)))
            errors["outcome"] = [$"One of {string.Join(", ", DsarEngine.Connectors.Contracts.TaskOutcomes.All)}, or give a failure."];
        if (errors.Count > 0)
            return Problems.Validation(errors, "Nothing was changed.");
        await HttpResultPublisher.PublishAsync(await replies.EndpointAsync(), result!.Task!, result, ct);
        return TypedResults.Accepted((string?)null);
    }
}
