using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Connectors.Egress;
using DsarEngine.Server.Connectors.Http;
using DsarEngine.Server.Platform;
using MassTransit;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace DsarEngine.Server.OpenDsr;

// The engine as an OpenDSR controller: one task becomes one request at the processor; its result comes by signed
// callback (or bounded polling) and is sent as the ordinary connector replies to the engine's reply queue.
internal sealed class OpenDsrClient(IHttpClientFactory clients, HttpConnectorRegistry registry, HttpPipelines pipelines,
    OpenDsrCertificates certificates, NpgsqlDataSource dataSource, IOptions<IntakeOptions> intake, IOptions<HttpConnectorOptions> http,
    Connectors.EngineReplies engineReplies, TimeProvider clock)
{
    public async Task SubmitAsync(ConsumeContext context, IConnectorCommand command, string type, JsonObject? extension)
    {
        var task = command.Task;
        var ct = context.CancellationToken;
        var replies = await engineReplies.EndpointAsync();
        var (settings, problem) = await registry.FindAsync(task.Tenant, task.Connector, Workflows.Runtime.ConnectorKinds.OpenDsr, ct);
        if (settings is null)
        {
            await HttpResultPublisher.FailAsync(replies, task, false, problem!, HttpConnectorRegistry.Reason(problem!), ct);
            return;
        }
        var id = OpenDsrResults.SubjectRequestId(task.TaskId);
        var body = new JsonObject
        {
            ["subject_request_id"] = id.ToString("D"), ["subject_request_type"] = type,
            ["submitted_time"] = clock.GetUtcNow().ToString("O"),
            ["api_version"] = OpenDsrJson.ApiVersion, ["regulation"] = task.Right is "ccpa" or DataSubjectRights.OptOutOfSaleSharing
                or DataSubjectRights.LimitSensitiveUse ? "ccpa" : "gdpr",
            ["subject_identities"] = new JsonArray([.. Identities(command.Identities)]),
            ["status_callback_urls"] = settings.ResultMode == "poll" ? new JsonArray() : new JsonArray(CallbackUrl(task)),
        };
        if (extension is not null)
            body["extensions"] = new JsonObject { [settings.Endpoint.Host] = extension };
        var (_, _, failure) = await SendAsync(
            task, settings, HttpMethod.Post, new Uri(settings.Endpoint, "requests"), Encoding.UTF8.GetBytes(body.ToJsonString()), ct);
        if (failure is not null)
        {
            await HttpResultPublisher.FailAsync(replies, task, failure.Value.Retryable, failure.Value.Code, failure.Value.Reason, ct);
            return;
        }
        await using (var c = await dataSource.OpenConnectionAsync(ct))
            await c.ExecuteAsync(new CommandDefinition("""
                INSERT INTO opendsr_outbound (subject_request_id, tenant_id, connector, task, created_at)
                VALUES (@id, (SELECT id FROM tenants WHERE slug = @Tenant), @Connector, @task::jsonb, @now)
                ON CONFLICT (subject_request_id) DO NOTHING
                """,
                new
                {
                    id, task.Tenant, task.Connector, task = JsonSerializer.Serialize(task, OpenDsrJson.Options), now = clock.GetUtcNow(),
                },
                cancellationToken: ct));
        await replies.Send(new ConnectorTaskProgressed(task, "pending", null), ct);
        if (settings.ResultMode == "poll")
            await PollAsync(replies, task, settings, id, ct);
    }

    private async Task PollAsync(ISendEndpoint replies, TaskReference task, HttpConnectorSettings settings, Guid id, CancellationToken ct)
    {
        for (var attempt = 0; attempt < http.Value.PollAttempts; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(http.Value.PollIntervalMilliseconds), clock, ct);
            var (_, raw, failure) = await SendAsync(
                task, settings, HttpMethod.Get, new Uri(settings.Endpoint, $"requests/{id:D}"), null, ct);
            if (failure is not null)
            {
                await HttpResultPublisher.FailAsync(replies, task, failure.Value.Retryable, failure.Value.Code, failure.Value.Reason, ct);
                return;
            }
            if (Parse(raw!) is not { } status)
            {
                await HttpResultPublisher.FailAsync(
                    replies, task, false, "bad-response", "The processor's status is not an OpenDSR status object.", ct);
                return;
            }
            var value = (string?)status["request_status"] ?? "";
            if (value is "completed" or "cancelled")
            {
                await OpenDsrResults.PublishAsync(
                    replies, task, value, status["extensions"]?[settings.Endpoint.Host] as JsonObject, settings.Endpoint.Host, ct);
                return;
            }
        }
        await HttpResultPublisher.FailAsync(
            replies, task, true, "still-running", "The processor has not finished; the engine will ask again.", ct);
    }

    public string CallbackUrl(TaskReference task) =>
        $"{intake.Value.PublicBaseUrl.TrimEnd('/')}/opendsr/v1/callbacks/{task.Tenant}/{task.Connector}";

    // Every answer must carry a valid processor signature over its exact bytes; an unsigned one is not trusted. A refusal
    // is reported by its status code only: the processor's error text is not reflected into the tenant's journal (an
    // endpoint that is not a processor would otherwise be readable through it).
    private async Task<(HttpStatusCode?, byte[]?, (bool Retryable, string Code, string Reason)?)> SendAsync(
        TaskReference task, HttpConnectorSettings settings, HttpMethod method, Uri url, byte[]? body, CancellationToken ct)
    {
        // Checked again at the call: the bearer token goes nowhere the operator did not bind it to.
        if (!settings.Binding.Covers(url))
            return (null, null,
                (false, HttpConnectorRegistry.SecretUnavailable, HttpConnectorRegistry.Reason(HttpConnectorRegistry.SecretUnavailable)));
        var client = clients.CreateClient(OpenDsrCallbackWorker.ClientName);
        try
        {
            var answer = await pipelines.For(task.Tenant, task.Connector).ExecuteAsync(async token =>
            {
                using var message = new HttpRequestMessage(method, url);
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Encoding.UTF8.GetString(settings.Secret));
                if (body is not null)
                    message.Content = new ByteArrayContent(body)
                    {
                        Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
                    };
                return await BoundedAnswer.SendAsync(client, message, http.Value.MaxResultBytes, token);
            }, ct);
            var code = (int)answer.Status;
            if (code is < 200 or > 299)
                return (answer.Status, null, (code >= 500, code >= 500 ? "server-error" : "rejected", $"The processor answered {code}."));
            if (answer.Body is not { } raw)
                return (answer.Status, null, (false, BoundedAnswer.TooLargeCode,
                    $"The processor's answer was larger than {http.Value.MaxResultBytes} bytes; the rest was not read."));
            var signature = answer.Headers.TryGetValues(OpenDsrSigner.SignatureHeader, out var values) ? values.FirstOrDefault() : null;
            if (!await certificates.VerifyAsync(settings.Endpoint, raw, signature, ct))
                return (answer.Status, raw, (false, "bad-signature", "The processor's answer is not signed by its published certificate."));
            return (answer.Status, raw, null);
        }
        catch (BrokenCircuitException)
        {
            return (null, null, (true, Workflows.Runtime.ConnectorFailureCodes.CircuitOpen,
                "The processor failed repeatedly; calls are paused (circuit open)."));
        }
        catch (TimeoutRejectedException) { return (null, null, (true, "timeout", "The processor did not answer in time.")); }
        catch (HttpRequestException ex) when (EgressRefusedException.Caused(ex))
        {
            return (null, null, (false, EgressRefusedException.Code,
                "The engine does not call this processor's address: it is in a network the operator has not allowed. " +
                "Nothing was sent."));
        }
        catch (HttpRequestException ex)
        {
            return (null, null, (true, "unreachable", $"The processor could not be reached ({ex.HttpRequestError})."));
        }
        catch (IOException) { return (null, null, (true, "unreachable", "The connection broke while the processor's answer was read.")); }
    }

    private static JsonObject? Parse(byte[] raw)
    {
        try { return JsonNode.Parse(raw) as JsonObject; }
        catch (JsonException) { return null; }
    }

    private static IEnumerable<JsonNode> Identities(IReadOnlyList<SubjectIdentity> identities) => identities
        .Select(i => i.Type switch { "email" => "email", "customer-id" => "controller_customer_id", _ => null } is { } type
            ? new JsonObject { ["identity_type"] = type, ["identity_value"] = i.Value, ["identity_format"] = "raw" } : null)
        .OfType<JsonNode>();
}
