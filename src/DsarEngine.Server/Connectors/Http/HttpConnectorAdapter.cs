using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DsarEngine.Connectors;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Connectors.Egress;
using DsarEngine.Server.Platform;
using MassTransit;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace DsarEngine.Server.Connectors.Http;

// Calls an HTTP connector for one task: POST the signed command, then take the result from the answer (sync), from
// status polls (poll) or later from the connector's signed callback (callback). Every outcome is published as the
// ordinary connector replies, sent to the engine's reply queue. Failures name a code and never carry the connector's
// response body (it may hold data, and an endpoint that is not a connector must not be readable through the journal).
internal sealed class HttpConnectorAdapter(IHttpClientFactory clients, HttpConnectorRegistry registry, HttpPipelines pipelines,
    IOptions<HttpConnectorOptions> options, IOptions<IntakeOptions> intake, EngineReplies engineReplies, TimeProvider clock,
    ILogger<HttpConnectorAdapter> log)
{
    public const string ClientName = "dsar-http-connectors";

    private readonly record struct Failure(bool Retryable, string Code, string Reason);

    public async Task RunAsync(ConsumeContext context, IConnectorCommand command, string action, HttpTaskRequest request)
    {
        var task = command.Task;
        var ct = context.CancellationToken;
        var replies = await engineReplies.EndpointAsync();
        var (settings, problem) = await registry.FindAsync(task.Tenant, task.Connector, Workflows.Runtime.ConnectorKinds.Http, ct);
        if (settings is null)
        {
            await HttpResultPublisher.FailAsync(replies, task, false, problem!, HttpConnectorRegistry.Reason(problem!), ct);
            return;
        }
        var callback = settings.ResultMode == "callback"
            ? $"{intake.Value.PublicBaseUrl.TrimEnd('/')}/api/v1/connectors/http/{task.Tenant}/{task.Connector}/tasks/{task.TaskId}/result"
            : null;
        var body = JsonSerializer.SerializeToUtf8Bytes(request with { CallbackUrl = callback }, ExportUpload.Json);
        var (answer, failure) = await SendAsync(task, settings, HttpMethod.Post, new Uri(settings.Endpoint, "dsar/v1/tasks"), body, ct);
        if (failure is { } f)
            await HttpResultPublisher.FailAsync(replies, task, f.Retryable, f.Code, f.Reason, ct);
        else
            await HandleAsync(replies, task, settings, answer!, action, ct);
    }

    private async Task HandleAsync(ISendEndpoint replies, TaskReference task, HttpConnectorSettings settings, BoundedAnswer answer,
        string action, CancellationToken ct)
    {
        if (answer.Body is null)
        {
            // Not retryable: asking again brings the same oversized answer. A person looks at the connector.
            await HttpResultPublisher.FailAsync(replies, task, false, BoundedAnswer.TooLargeCode,
                $"The connector's answer to {action} was larger than {options.Value.MaxResultBytes} bytes; the rest was not read.", ct);
            return;
        }
        if (answer.Status == HttpStatusCode.Accepted)
        {
            var accepted = Parse<HttpTaskAccepted>(answer.Body);
            await replies.Send(new ConnectorTaskProgressed(task, "acknowledged", null), ct);
            if (accepted?.StatusUrl is { } status)
                await PollAsync(replies, task, settings, status, ct);
            // Otherwise the result comes by callback (HttpCallbackApi); the task's timeout covers a callback that never comes.
            return;
        }
        if (answer.Status == HttpStatusCode.OK && Parse<HttpTaskResult>(answer.Body) is { } result)
        {
            await HttpResultPublisher.PublishAsync(replies, task, result, ct);
            return;
        }
        var code = (int)answer.Status;
        await HttpResultPublisher.FailAsync(replies, task, code >= 500, code >= 500 ? $"server-error-{code}" : $"rejected-{code}",
            code is >= 200 and < 300
                ? $"The connector answered {code} to {action} with a body that is not a task result."
                : $"The connector answered {code} to {action}.",
            ct);
    }

    // Bounded: a result not ready after PollAttempts is a retryable failure, so no consumer is held for hours.
    private async Task PollAsync(
        ISendEndpoint replies, TaskReference task, HttpConnectorSettings settings, string status, CancellationToken ct)
    {
        // The connector chooses the status URL, so it may not lead the signed GET anywhere else: same origin as the
        // registered endpoint, and inside the endpoints the operator bound the secret to.
        if (!Uri.TryCreate(settings.Endpoint, status, out var url) || url.Scheme != settings.Endpoint.Scheme
            || !string.Equals(url.IdnHost, settings.Endpoint.IdnHost, StringComparison.OrdinalIgnoreCase)
            || url.Port != settings.Endpoint.Port || !settings.Binding.Covers(url))
        {
            await HttpResultPublisher.FailAsync(replies, task, false, "bad-status-url",
                "The connector's status URL is not on its registered endpoint; it was not called.", ct);
            return;
        }
        for (var attempt = 0; attempt < options.Value.PollAttempts; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(options.Value.PollIntervalMilliseconds), clock, ct);
            var (answer, failure) = await SendAsync(task, settings, HttpMethod.Get, url, [], ct);
            if (failure is { } f)
            {
                await HttpResultPublisher.FailAsync(replies, task, f.Retryable, f.Code, f.Reason, ct);
                return;
            }
            if (answer!.Status == HttpStatusCode.Accepted && answer.Body is not null)
                continue;
            await HandleAsync(replies, task, settings, answer, "a status poll", ct);
            return;
        }
        await HttpResultPublisher.FailAsync(replies, task, true, "still-running",
            $"No result after {options.Value.PollAttempts} status polls; the engine will ask again.", ct);
    }

    private async Task<(BoundedAnswer?, Failure?)> SendAsync(
        TaskReference task, HttpConnectorSettings settings, HttpMethod method, Uri url, byte[] body, CancellationToken ct)
    {
        // Every URL the secret signs for is re-checked against its binding, however it was assembled.
        if (!settings.Binding.Covers(url))
            return (null, new Failure(
                false, HttpConnectorRegistry.SecretUnavailable, HttpConnectorRegistry.Reason(HttpConnectorRegistry.SecretUnavailable)));
        var client = clients.CreateClient(ClientName);
        try
        {
            var answer = await pipelines.For(task.Tenant, task.Connector).ExecuteAsync(async token =>
            {
                using var message = new HttpRequestMessage(method, url);
                if (method == HttpMethod.Post)
                    message.Content = new ByteArrayContent(body)
                    {
                        Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
                    };
                message.Headers.Add(HttpTaskSignature.Header, HttpTaskSignature.Sign(settings.Secret, clock.GetUtcNow(), body));
                message.Headers.Add("Idempotency-Key", task.IdempotencyKey);
                return await BoundedAnswer.SendAsync(client, message, options.Value.MaxResultBytes, token);
            }, ct);
            return (answer, null);
        }
        catch (BrokenCircuitException)
        {
            return (null, new Failure(true, Workflows.Runtime.ConnectorFailureCodes.CircuitOpen,
                "The connector failed repeatedly; calls are paused for a while (circuit open)."));
        }
        catch (TimeoutRejectedException)
        {
            log.LogWarning("HTTP connector {Connector} did not answer task {TaskId} in time", task.Connector, task.TaskId);
            return (null, new Failure(true, "timeout", $"No answer within {options.Value.TimeoutSeconds} s."));
        }
        catch (HttpRequestException ex) when (EgressRefusedException.Caused(ex))
        {
            // Not retryable: the address will not become allowed by itself; a person looks at the connector.
            log.LogWarning("HTTP connector {Connector}: the egress rules refused the call for task {TaskId}", task.Connector, task.TaskId);
            return (null, new Failure(false, EgressRefusedException.Code,
                "The engine does not call this connector's address: it is in a network the operator has not allowed. " +
                "Nothing was sent."));
        }
        catch (HttpRequestException ex)
        {
            log.LogWarning("HTTP connector {Connector} unreachable for task {TaskId}: {Error}",
                task.Connector, task.TaskId, ex.HttpRequestError);
            return (null, new Failure(true, "unreachable", $"The connector could not be reached ({ex.HttpRequestError})."));
        }
        catch (IOException)
        {
            log.LogWarning("HTTP connector {Connector}: the answer for task {TaskId} broke off", task.Connector, task.TaskId);
            return (null, new Failure(true, "unreachable", "The connection broke while the connector's answer was read."));
        }
    }

    private static T? Parse<T>(byte[] body) where T : class
    {
        try { return JsonSerializer.Deserialize<T>(body, ExportUpload.Json); }
        catch (JsonException) { return null; }
    }
}
