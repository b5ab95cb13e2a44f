using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DsarEngine.Connectors;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Infrastructure;
using MassTransit;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace DsarEngine.Server.Connectors.Http;

// Calls an HTTP connector for one task: POST the signed command, then take the result from the answer (sync), from
// status polls (poll) or later from the connector's signed callback (callback). Every outcome is published as the
// ordinary connector replies, sent to the engine's reply queue. Failures name a code and never carry the connector's response body (it may hold data).
internal sealed class HttpConnectorAdapter(IHttpClientFactory clients, HttpConnectorRegistry registry, HttpPipelines pipelines,
    IOptions<HttpConnectorOptions> options, IOptions<IntakeOptions> intake, EngineReplies engineReplies, TimeProvider clock, ILogger<HttpConnectorAdapter> log)
{
    public const string ClientName = "dsar-http-connectors";

    public async Task RunAsync(ConsumeContext context, IConnectorCommand command, string action, HttpTaskRequest request)
    {
        var task = command.Task;
        var ct = context.CancellationToken;
        var replies = await engineReplies.EndpointAsync();
        var (settings, problem) = await registry.FindAsync(task.Tenant, task.Connector, Workflows.Runtime.ConnectorKinds.Http, ct);
        if (settings is null)
        {
            await HttpResultPublisher.FailAsync(replies, task, false, "not-configured", problem!, ct);
            return;
        }
        var callback = settings.ResultMode == "callback"
            ? $"{intake.Value.PublicBaseUrl.TrimEnd('/')}/api/v1/connectors/http/{task.Tenant}/{task.Connector}/tasks/{task.TaskId}/result" : null;
        var body = JsonSerializer.SerializeToUtf8Bytes(request with { CallbackUrl = callback }, ExportUpload.Json);
        var (response, failure) = await SendAsync(task, settings, HttpMethod.Post, new Uri(settings.Endpoint, "dsar/v1/tasks"), body, ct);
        if (failure is not null)
        {
            await HttpResultPublisher.FailAsync(replies, task, failure.Value.Retryable, failure.Value.Code, failure.Value.Reason, ct);
            return;
        }
        using (response)
            await HandleAsync(replies, task, settings, response!, action, ct);
    }

    private async Task HandleAsync(ISendEndpoint replies, TaskReference task, HttpConnectorSettings settings, HttpResponseMessage response, string action, CancellationToken ct)
    {
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            var accepted = await ReadAsync<HttpTaskAccepted>(response, ct);
            await replies.Send(new ConnectorTaskProgressed(task, "acknowledged", null), ct);
            if (accepted?.StatusUrl is { } status)
                await PollAsync(replies, task, settings, new Uri(settings.Endpoint, status), ct);
            // Otherwise the result comes by callback (HttpCallbackApi); the task's timeout covers a callback that never comes.
            return;
        }
        if (response.StatusCode == HttpStatusCode.OK && await ReadAsync<HttpTaskResult>(response, ct) is { } result)
        {
            await HttpResultPublisher.PublishAsync(replies, task, result, ct);
            return;
        }
        var code = (int)response.StatusCode;
        await HttpResultPublisher.FailAsync(replies, task, code >= 500, code >= 500 ? $"server-error-{code}" : $"rejected-{code}",
            response.IsSuccessStatusCode ? $"The connector answered {code} to {action} with a body that is not a task result." : $"The connector answered {code} to {action}.", ct);
    }

    // Bounded: a result not ready after PollAttempts is a retryable failure, so no consumer is held for hours.
    private async Task PollAsync(ISendEndpoint replies, TaskReference task, HttpConnectorSettings settings, Uri status, CancellationToken ct)
    {
        for (var attempt = 0; attempt < options.Value.PollAttempts; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(options.Value.PollIntervalMilliseconds), clock, ct);
            var (response, failure) = await SendAsync(task, settings, HttpMethod.Get, status, [], ct);
            if (failure is not null)
            {
                await HttpResultPublisher.FailAsync(replies, task, failure.Value.Retryable, failure.Value.Code, failure.Value.Reason, ct);
                return;
            }
            using (response)
            {
                if (response!.StatusCode == HttpStatusCode.Accepted)
                    continue;
                await HandleAsync(replies, task, settings, response, "a status poll", ct);
                return;
            }
        }
        await HttpResultPublisher.FailAsync(replies, task, true, "still-running",
            $"No result after {options.Value.PollAttempts} status polls; the engine will ask again.", ct);
    }

    private async Task<(HttpResponseMessage?, (bool Retryable, string Code, string Reason)?)> SendAsync(TaskReference task, HttpConnectorSettings settings,
        HttpMethod method, Uri url, byte[] body, CancellationToken ct)
    {
        var client = clients.CreateClient(ClientName);
        try
        {
            var response = await pipelines.For(task.Tenant, task.Connector).ExecuteAsync(async token =>
            {
                using var message = new HttpRequestMessage(method, url);
                if (method == HttpMethod.Post)
                    message.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
                message.Headers.Add(HttpTaskSignature.Header, HttpTaskSignature.Sign(settings.Secret, clock.GetUtcNow(), body));
                message.Headers.Add("Idempotency-Key", task.IdempotencyKey);
                return await client.SendAsync(message, HttpCompletionOption.ResponseContentRead, token);
            }, ct);
            return (response, null);
        }
        catch (BrokenCircuitException)
        {
            return (null, (true, "circuit-open", "The connector failed repeatedly; calls are paused for a while (circuit open)."));
        }
        catch (TimeoutRejectedException)
        {
            log.LogWarning("HTTP connector {Connector} did not answer task {TaskId} in time", task.Connector, task.TaskId);
            return (null, (true, "timeout", $"No answer within {options.Value.TimeoutSeconds} s."));
        }
        catch (HttpRequestException ex)
        {
            log.LogWarning("HTTP connector {Connector} unreachable for task {TaskId}: {Error}", task.Connector, task.TaskId, ex.HttpRequestError);
            return (null, (true, "unreachable", $"The connector could not be reached ({ex.HttpRequestError})."));
        }
    }

    private async Task<T?> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct) where T : class
    {
        if (response.Content.Headers.ContentLength > options.Value.MaxResultBytes)
            return null;
        try { return await response.Content.ReadFromJsonAsync<T>(ExportUpload.Json, ct); }
        catch (JsonException) { return null; }
    }
}
