using System.Text.Json;
using DsarEngine.Server.Connectors.Http;
using DsarEngine.Server.Platform;

namespace DsarEngine.Server.OpenDsr;

// OpenDSR § 8.8: a processor's status callback for a request this engine sent as controller. The raw body is checked
// against the processor's published certificate before it is parsed; a bad signature gets 403 and changes nothing.
// A good one is stored in the outbox (ReplyOutbox) before the 200, with an id per task, attempt and status: a
// processor's retry, or a replay of the signed body, changes nothing.
internal static class OpenDsrCallbackApi
{
    private const int MaxBytes = 64 * 1024;

    public static RouteHandlerBuilder MapOpenDsrCallbacks(this IEndpointRouteBuilder app) =>
        app.MapPost("/opendsr/v1/callbacks/{tenant}/{connector}", Receive)
            .WithTags("OpenDSR controller")
            .RequireRateLimiting(RateLimits.Callbacks)
            .WithSummary("A processor's signed status callback for a request this engine sent");

    private static async Task<IResult> Receive(string tenant, string connector, HttpRequest http, HttpConnectorRegistry registry,
        OpenDsrCertificates certificates, OpenDsrClient client, OpenDsrStore store, Connectors.ReplyOutbox outbox, CancellationToken ct)
    {
        // Unauthenticated until the signature is checked, so bounded before anything else.
        if (await OpenDsrControllers.ReadBodyAsync(http, MaxBytes, ct) is not { } raw)
            return BodyLimits.TooLarge(MaxBytes);
        // No signature at all is an unauthenticated call (401); a signature that does not verify is a forgery (403).
        if (string.IsNullOrEmpty(http.Headers[OpenDsrSigner.SignatureHeader]))
            return Results.Problem(statusCode: 401, type: Problems.Type("unauthenticated"),
                title: "The callback is not signed; sign it with the processor's certificate. Nothing was changed.");
        var (settings, _) = await registry.FindAsync(tenant, connector, Workflows.Runtime.ConnectorKinds.OpenDsr, ct);
        if (settings is null || !await certificates.VerifyAsync(settings.Endpoint, raw, http.Headers[OpenDsrSigner.SignatureHeader], ct))
            return Results.Problem(statusCode: 403, type: Problems.Type("bad-signature"),
                title: "The callback is not signed by the processor's certificate; nothing was changed.");
        OpenDsrCallback? callback;
        try { callback = JsonSerializer.Deserialize<OpenDsrCallback>(raw, OpenDsrJson.Options); }
        catch (JsonException) { callback = null; }
        if (callback is null || !Guid.TryParse(callback.SubjectRequestId, out var id) || string.IsNullOrEmpty(callback.RequestStatus))
            return Results.Problem(statusCode: 400, type: Problems.Type("validation"),
                title: "Not an OpenDSR callback; nothing was changed.");
        if (await store.OutboundTaskAsync(tenant, connector, id, ct) is not { } task)
            return Results.Problem(statusCode: 404, type: Problems.Type("not-found"),
                title: "No request of this engine has that subject_request_id.");
        if (callback.StatusCallbackUrl != client.CallbackUrl(task))
            return Results.Problem(statusCode: 400, type: Problems.Type("validation"),
                title: "status_callback_url is not this endpoint; nothing was changed.");
        var extension = callback.Extensions?[settings!.Endpoint.Host] as System.Text.Json.Nodes.JsonObject;
        var reply = OpenDsrResults.Reply(task, callback.RequestStatus, extension, settings.Endpoint.Host);
        return await outbox.RecordAsync(task, OpenDsrResults.ReplyId(task, callback.RequestStatus, extension), reply, [], ct)
                == Connectors.ReplyOutbox.Outcome.UnknownRequest
            ? Results.Problem(statusCode: 404, type: Problems.Type("not-found"),
                title: "No request of this engine has that subject_request_id.")
            : Results.Ok();
    }
}
