using DsarEngine.Connectors;
using DsarEngine.Server.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Connectors.Http;

// Callback mode: the connector POSTs its result here, signed with the connector's secret. No staff login: the
// signature is the authentication, and a bad one changes nothing. The body is bounded while it is read (the server
// refuses more than MaxResultBytes before that), and the result is stored durably (ReplyOutbox) before the 202.
internal static class HttpCallbackApi
{
    public static RouteHandlerBuilder MapHttpCallbackApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/connectors/http/{tenant}/{connector}/tasks/{taskId:guid}/result", Receive)
            .WithTags("Connectors: HTTP callbacks").Accepts<HttpTaskResult>("application/json")
            .RequireRateLimiting(RateLimits.Callbacks)
            // An export comes inline: this endpoint may take up to MaxResultBytes, more than the server's default.
            .WithBodyLimit(app.ServiceProvider.GetRequiredService<IOptions<HttpConnectorOptions>>().Value.MaxResultBytes)
            .WithSummary("An HTTP connector's result in callback mode (X-Dsar-Signature required)");

    private static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> Receive(string tenant, string connector, Guid taskId,
        HttpRequest http, HttpConnectorRegistry registry, ReplyOutbox outbox, TimeProvider clock, IOptions<HttpConnectorOptions> options,
        CancellationToken ct)
    {
        if (await BodyLimits.ReadAsync(http, options.Value.MaxResultBytes, ct) is not { } body)
            return BodyLimits.TooLarge(options.Value.MaxResultBytes);
        var (settings, _) = await registry.FindAsync(tenant, connector, Workflows.Runtime.ConnectorKinds.Http, ct);
        // Unknown connector and bad signature answer alike: the endpoint must not reveal which connectors exist.
        if (settings is null || !HttpTaskSignature.Verify(
            http.Headers[HttpTaskSignature.Header], settings.Secret, body, clock.GetUtcNow(), TimeSpan.FromMinutes(5)))
            return Problems.Of(StatusCodes.Status401Unauthorized, "bad-signature",
                "The signature is missing, wrong or too old; nothing was changed.",
                $"Sign with {HttpTaskSignature.Header}: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + \".\" + body)>, " +
                $"within 5 minutes.");
        HttpTaskResult? result;
        try { result = System.Text.Json.JsonSerializer.Deserialize<HttpTaskResult>(body, ExportUpload.Json); }
        catch (System.Text.Json.JsonException) { result = null; }
        var errors = new Dictionary<string, string[]>();
        if (result?.Task is not { } task)
            errors["task"] = ["Required: the task object of the request, quoted unchanged."];
        else if (task.TaskId != taskId || task.Tenant != tenant || task.Connector != connector)
            errors["task"] = ["Does not match the task of this URL."];
        if (result is not null && result.Failure is null
            && (result.Outcome is null || !DsarEngine.Connectors.Contracts.TaskOutcomes.All.Contains(result.Outcome)))
            errors["outcome"] = [$"One of {string.Join(", ", DsarEngine.Connectors.Contracts.TaskOutcomes.All)}, or give a failure."];
        if (errors.Count > 0)
            return Problems.Validation(errors, "Nothing was changed.");
        // The same connector, task and attempt always make the same ids: a replay within the signature window is a no-op.
        var (replyId, exportId) = HttpResultPublisher.CallbackIds(result!.Task!);
        var (chunks, reply) = HttpResultPublisher.Replies(result.Task!, result, exportId);
        return await outbox.RecordAsync(result.Task!, replyId, reply, chunks, ct) == ReplyOutbox.Outcome.UnknownRequest
            ? Problems.NotFound("task of this organisation")
            : TypedResults.Accepted((string?)null);
    }
}
